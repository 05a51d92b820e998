// Golden tests for the edit operations: tests/data/edit/<case>/{input.yaml, op, expected.yaml}.
// Each case: apply -> byte-compare with expected -> apply the inverse -> byte-identical to
// input -> redo -> expected again. A case with an `error` file instead of expected.yaml
// must be refused with a message containing that file's text, leaving nothing to apply.
//
// op grammar (one operation on the first line; an optional `affected A,B` line):
//   readonly NAME on|off [shared]      immutable
//   addtmpfs NAME /path [options]      changetmpfs NAME /old /new [options]
//   removetmpfs NAME /path
#include "edit/inmemoryedit.h"
#include "edit/readonlyedit.h"
#include "model/analyzer.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace deadbolt;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const Workload *findWorkload(const Analysis &a, const QString &name)
{
    for (const Workload &w : a.workloads)
        if (w.name == name || w.displayName() == name)
            return &w;
    return nullptr;
}

EditResult runOp(const ParsedFile &file, const Analysis &a, const QStringList &op, QString *problem)
{
    const QString verb = op.value(0);
    if (verb == QLatin1String("immutable"))
        return makeFileImmutable(file, a);
    const Workload *w = findWorkload(a, op.value(1));
    if (!w) {
        *problem = QStringLiteral("no workload %1").arg(op.value(1));
        return {};
    }
    InMemoryPathSpec spec;
    QString error;
    if (verb == QLatin1String("readonly"))
        return setReadOnly(file, a, *w, op.value(2) == QLatin1String("on"),
                           op.value(3) == QLatin1String("shared") ? Target::SharedBlock
                                                                  : Target::ThisWorkload);
    if (verb == QLatin1String("addtmpfs")) {
        spec.target = op.value(2);
        if (!parseTmpfsOptions(op.value(3), &spec, &error))
            *problem = error;
        return addInMemoryPath(file, a, *w, spec);
    }
    if (verb == QLatin1String("changetmpfs")) {
        spec.target = op.value(3);
        if (!parseTmpfsOptions(op.value(4), &spec, &error))
            *problem = error;
        return changeInMemoryPath(file, a, *w, op.value(2), spec);
    }
    if (verb == QLatin1String("removetmpfs"))
        return removeInMemoryPath(file, a, *w, op.value(2));
    *problem = QStringLiteral("unknown op %1").arg(verb);
    return {};
}

} // namespace

class TestEditOps : public QObject
{
    Q_OBJECT
private slots:
    void golden_data();
    void golden();
};

void TestEditOps::golden_data()
{
    QTest::addColumn<QString>("dir");
    const QDir root(QStringLiteral(DEADBOLT_TESTDATA "/edit"));
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(cases.size() >= 20, "the golden cases are missing");
    for (const QString &c : cases)
        QTest::addRow("%s", qPrintable(c)) << root.filePath(c);
}

void TestEditOps::golden()
{
    QFETCH(QString, dir);
    const QByteArray input = readAll(dir + QStringLiteral("/input.yaml"));
    const QStringList lines =
        QString::fromUtf8(readAll(dir + QStringLiteral("/op"))).split(QLatin1Char('\n'));
    const QStringList op = lines.value(0).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QVERIFY2(!input.isEmpty() && !op.isEmpty(), "case needs input.yaml and op");

    const ParsedFile file = parseText(input.toStdString(), dir + QStringLiteral("/input.yaml"));
    QVERIFY2(file.ok(), qPrintable(file.errors.value(0).message));
    const Analysis analysis = analyze(file);
    QString problem;
    const EditResult result = runOp(file, analysis, op, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    if (QFile::exists(dir + QStringLiteral("/error"))) {
        QVERIFY(!result.ok);
        QVERIFY(result.replacements.empty());
        const QString wanted = QString::fromUtf8(readAll(dir + QStringLiteral("/error"))).trimmed();
        QVERIFY2(result.error.contains(wanted), qPrintable(result.error));
        return;
    }
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.description.isEmpty());
    std::string text = input.toStdString();
    QVERIFY(applyReplacements(text, result.replacements));
    if (!QFile::exists(dir + QStringLiteral("/expected.yaml")) &&
        qEnvironmentVariableIsSet("DEADBOLT_WRITE_GOLDEN")) {
        // Bootstrapping a new case: write what the edit gives, for a human to review.
        QFile out(dir + QStringLiteral("/expected.yaml"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text.data(), qint64(text.size()));
    }
    const QByteArray expected = readAll(dir + QStringLiteral("/expected.yaml"));

    QCOMPARE(QByteArray::fromStdString(text), expected);

    const Replacements undo = invertReplacements(input.toStdString(), result.replacements);
    std::string undone = text;
    QVERIFY(applyReplacements(undone, undo));
    QCOMPARE(QByteArray::fromStdString(undone), input);

    const Replacements redo = invertReplacements(text, undo);
    QVERIFY(applyReplacements(undone, redo));
    QCOMPARE(QByteArray::fromStdString(undone), expected);

    // The result is a file the same operation has nothing more to do on.
    const ParsedFile after = parseText(text, dir + QStringLiteral("/expected.yaml"));
    QVERIFY(after.ok());
    for (const QString &line : lines.mid(1)) {
        if (line.startsWith(QLatin1String("affected "))) {
            QStringList want = line.mid(9).split(QLatin1Char(','));
            QStringList got = result.affectedWorkloads;
            want.sort();
            got.sort();
            QCOMPARE(got, want);
        }
    }
    // No trailing spaces were introduced.
    const QList<QByteArray> before = input.split('\n');
    for (const QByteArray &l : expected.split('\n'))
        QVERIFY2(before.contains(l) || (!l.endsWith(' ') && !l.endsWith(" \r")), l.constData());
}

QTEST_GUILESS_MAIN(TestEditOps)
#include "tst_editops.moc"
