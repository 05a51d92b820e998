// Golden tests for the edit operations: tests/data/edit/<case>/{input.yaml, op, expected.yaml,
// effect}. Each case: apply -> byte-compare with expected -> compare what the edit did to
// the deployment (the review's comparison of the analyses before and after, independent of
// the edit's own meaning check) with `effect` -> apply the inverse -> byte-identical to
// input -> redo -> expected again. A case with an `error` file instead of expected.yaml
// must be refused with a message containing that file's text, leaving nothing to apply.
//
// op: the first line is a `deadbolt-cli fix` command line without the file, parsed by the
// same core functions as the CLI ("fix" alone makes every workload immutable):
//   fix --service NAME | --writable NAME | --tmpfs NAME:/PATH[:OPTIONS] | --no-tmpfs NAME:/PATH [--shared]
// An optional `affected A,B` line lists the workloads the edit reports as changed.
#include "check/analyze.h"
#include "edit/editop.h"
#include "model/analyzer.h"
#include "review/comparer.h"

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

// The edits one op line asks for, planned one after the other as the CLI does.
struct Outcome
{
    QString problem; // the op line is wrong
    EditResult result;
    std::string text;
};

Outcome runOp(const std::string &input, const QString &path, const QStringList &words)
{
    Outcome out;
    out.text = input;
    if (words.value(0) != QLatin1String("fix")) {
        out.problem = QStringLiteral("op must start with fix");
        return out;
    }
    QVector<EditRequest> requests;
    bool shared = false;
    if (!parseEditArguments(words.mid(1), &requests, &shared, &out.problem))
        return out;
    ParsedFile file = parseText(input, path);
    Analysis analysis = analyze(file);
    QVector<EditOp> ops;
    if (requests.isEmpty())
        ops.append(EditOp{EditOp::Kind::MakeAllImmutable});
    for (const EditRequest &r : std::as_const(requests))
        if (!resolveRequest(analysis, r, shared ? Target::SharedBlock : Target::ThisWorkload, &ops,
                            &out.problem))
            return out;
    Replacements all;
    for (const EditOp &op : std::as_const(ops)) {
        EditResult r = planEdit(file, analysis, op);
        out.result.ok = r.ok;
        out.result.error = r.error;
        out.result.description = r.description;
        out.result.affectedWorkloads += r.affectedWorkloads;
        if (!r.ok)
            return out;
        if (ops.size() > 1 && !r.replacements.empty()) {
            // Several edits: each is planned on the text the previous one left.
            applyReplacements(out.text, r.replacements);
            file = parseText(out.text, path);
            analysis = analyze(file);
        }
        all = r.replacements;
    }
    if (ops.size() > 1) {
        out.result.replacements = {differingMiddle(input, out.text)};
    } else {
        out.result.replacements = all;
        applyReplacements(out.text, all);
    }
    return out;
}

// What the edit did to each workload, one line per change, as the review reports it.
QStringList deltaOf(const std::string &before, const std::string &after)
{
    const Analysis a = analyze(parseText(before, QStringLiteral("before")));
    const Analysis b = analyze(parseText(after, QStringLiteral("after")));
    QStringList lines;
    for (const WorkloadChange &c : compareAnalyses(a, b)) {
        QString line = c.workload + QStringLiteral(": ") + changeKindName(c.kind);
        if (!c.path.isEmpty())
            line += QLatin1Char(' ') + c.path;
        line += QStringLiteral(" (%1 -> %2)")
                    .arg(c.before.isEmpty() ? QStringLiteral("-") : c.before,
                         c.after.isEmpty() ? QStringLiteral("-") : c.after);
        lines << line;
    }
    return lines;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile out(path);
    if (out.open(QIODevice::WriteOnly))
        out.write(bytes);
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
    const bool writeGolden = qEnvironmentVariableIsSet("DEADBOLT_WRITE_GOLDEN");

    const ParsedFile file = parseText(input.toStdString(), dir + QStringLiteral("/input.yaml"));
    QVERIFY2(file.ok(), qPrintable(file.errors.value(0).message));
    const Outcome outcome = runOp(input.toStdString(), dir + QStringLiteral("/input.yaml"), op);
    QVERIFY2(outcome.problem.isEmpty(), qPrintable(outcome.problem));
    const EditResult &result = outcome.result;

    if (QFile::exists(dir + QStringLiteral("/error"))) {
        QVERIFY(!result.ok);
        const QString wanted = QString::fromUtf8(readAll(dir + QStringLiteral("/error"))).trimmed();
        QVERIFY2(result.error.contains(wanted), qPrintable(result.error));
        return;
    }
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.description.isEmpty());
    std::string text = input.toStdString();
    QVERIFY(applyReplacements(text, result.replacements));
    QCOMPARE(QByteArray::fromStdString(text), QByteArray::fromStdString(outcome.text));
    if (!QFile::exists(dir + QStringLiteral("/expected.yaml")) && writeGolden)
        writeFile(dir + QStringLiteral("/expected.yaml"), QByteArray::fromStdString(text));
    const QByteArray expected = readAll(dir + QStringLiteral("/expected.yaml"));
    QCOMPARE(QByteArray::fromStdString(text), expected);

    // What the deployment gained or lost, as a reviewer sees it: exactly what was asked.
    const QString delta = deltaOf(input.toStdString(), text).join(QLatin1Char('\n'));
    if (!QFile::exists(dir + QStringLiteral("/effect")) && writeGolden)
        writeFile(dir + QStringLiteral("/effect"), (delta + QLatin1Char('\n')).toUtf8());
    QVERIFY2(QFile::exists(dir + QStringLiteral("/effect")), "case needs an effect file");
    QCOMPARE(delta, QString::fromUtf8(readAll(dir + QStringLiteral("/effect"))).trimmed());

    const Replacements undo = invertReplacements(input.toStdString(), result.replacements);
    std::string undone = text;
    QVERIFY(applyReplacements(undone, undo));
    QCOMPARE(QByteArray::fromStdString(undone), input);

    const Replacements redo = invertReplacements(text, undo);
    QVERIFY(applyReplacements(undone, redo));
    QCOMPARE(QByteArray::fromStdString(undone), expected);

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
