// Edits of Compose projects (project/projectedit.h), one case per rule under
// tests/data/projectedits: the project's files, `args` (fix's options: --service, --tmpfs,
// --into FILE, --override FILE...; empty: every service read-only), and either `error` (a part
// of the refusal it must give) or `expected.diff` (the golden diff of every changed file;
// DEADBOLT_UPDATE_GOLDEN=1 writes it). Each accepted edit is saved, the files it does not need
// must stay byte-identical, the effective configuration read back from disk must be the
// editor's own and, where docker-compose is installed, the real tool's; then it is undone
// (every file back byte-identical, the created one gone) and redone.
#include "io/filesaver.h"
#include "project/projectedit.h"
#include "source/linediff.h"

#include "projectoracle.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace deadbolt;
using namespace deadbolt::testing;

namespace {

const QString Cases = QStringLiteral(DEADBOLT_TESTDATA "/projectedits");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every file of a folder, by relative name.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    for (QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = it.next();
        out.insert(QDir(dir).relativeFilePath(path), readAll(path));
    }
    return out;
}

std::string diffOf(const std::vector<ProjectEditor::Change> &changes, const QString &dir)
{
    std::string out;
    for (const ProjectEditor::Change &c : changes) {
        const QString name = QDir(dir).relativeFilePath(c.path);
        out += unifiedDiff(c.before, c.after,
                           c.created ? QStringLiteral("/dev/null") : QStringLiteral("a/") + name,
                           QStringLiteral("b/") + name);
    }
    return out;
}

SaveResult save(const std::vector<ProjectEditor::Change> &changes, bool undo)
{
    std::vector<FileToSave> files;
    for (const ProjectEditor::Change &c : changes) {
        if (undo && c.created) {
            QFile::remove(c.path);
            continue;
        }
        FileToSave f;
        f.path = c.path;
        f.bytes = undo ? c.before : c.after;
        f.create = c.created && !undo;
        f.options.expectedFingerprint =
            f.create ? QByteArray() : contentFingerprint(undo ? c.after : c.before);
        files.push_back(std::move(f));
    }
    return saveFiles(files);
}

} // namespace

class TestProjectEdit : public QObject
{
    Q_OBJECT

private slots:
    void cases_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &n : QDir(Cases).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            QTest::addRow("%s", qPrintable(n)) << n;
    }
    void cases()
    {
        QFETCH(QString, name);
        QTemporaryDir tmp;
        const QString dir = tmp.path();
        for (const auto &[file, bytes] : snapshot(Cases + QLatin1Char('/') + name).asKeyValueRange()) {
            QFile f(dir + QLatin1Char('/') + file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        QStringList args = QString::fromUtf8(readAll(dir + QStringLiteral("/args")))
                               .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (QString &a : args)
            a = a.trimmed();
        args.removeAll(QString());
        Placement placement;
        for (const char *option : {"--into", "--override"}) {
            const qsizetype at = args.indexOf(QLatin1String(option));
            if (at < 0)
                continue;
            placement.kind = QLatin1String(option) == QLatin1String("--into") ? Placement::Kind::Into
                                                                              : Placement::Kind::Override;
            placement.file = dir + QLatin1Char('/') + args.value(at + 1);
            args.remove(at, 2);
        }
        QVector<EditRequest> requests;
        bool shared = false;
        QString why;
        QVERIFY2(parseEditArguments(args, &requests, &shared, &why), qPrintable(why));

        const QStringList files = filesOf(dir);
        const QMap<QString, QByteArray> before = snapshot(dir);
        ProjectEditor editor(loadProject(files, dir));
        editor.setTarget(shared ? Target::SharedBlock : Target::ThisWorkload);
        QVERIFY2(editor.analysis().errors.isEmpty(), qPrintable(editor.analysis().errors.value(0).message));
        QStringList notes;
        const bool ok = requests.isEmpty()
                            ? editor.makeAllImmutable(placement, &notes, &why)
                            : std::all_of(requests.begin(), requests.end(), [&](const EditRequest &r) {
                                  return editor.apply(r, placement, &notes, &why);
                              });
        const QByteArray error = readAll(dir + QStringLiteral("/error")).trimmed();
        if (!error.isEmpty()) {
            QVERIFY2(!ok, "the edit must be refused");
            QVERIFY2(why.contains(QString::fromUtf8(error)), qPrintable(why));
            QCOMPARE(snapshot(dir), before);
            return;
        }
        QVERIFY2(ok, qPrintable(why));
        const std::vector<ProjectEditor::Change> changes = editor.changes();
        const QByteArray diff = QByteArray::fromStdString(diffOf(changes, dir));
        const QString golden = Cases + QLatin1Char('/') + name + QStringLiteral("/expected.diff");
        if (qEnvironmentVariableIsSet("DEADBOLT_UPDATE_GOLDEN")) {
            QFile g(golden);
            QVERIFY(g.open(QIODevice::WriteOnly));
            g.write(diff);
        }
        QCOMPARE(diff, readAll(golden));

        // Saved: only the changed files differ from the case.
        const SaveResult saved = save(changes, false);
        QVERIFY2(saved.ok, qPrintable(saved.error));
        const QMap<QString, QByteArray> after = snapshot(dir);
        for (const auto &[file, bytes] : before.asKeyValueRange()) {
            const bool changed =
                std::any_of(changes.begin(), changes.end(), [&](const ProjectEditor::Change &c) {
                    return QDir(dir).relativeFilePath(c.path) == file;
                });
            if (!changed)
                QVERIFY2(after.value(file) == bytes, qPrintable(file + QStringLiteral(" changed")));
        }

        // Read back from disk, as docker compose will run it (the override file last).
        QStringList edited = files;
        if (placement.kind == Placement::Kind::Override && !files.contains(placement.file))
            edited << placement.file;
        ComposeProject reread = loadProject(edited, dir);
        const QJsonObject ours = effective(analyzeProject(reread));
        QCOMPARE(ours, effective(editor.analysis()));
        if (haveOracle()) {
            QString oracleError;
            const QJsonObject real = oracle(dir, edited, &oracleError, true);
            QVERIFY2(!real.isEmpty(), qPrintable(oracleError));
            QCOMPARE(ours, real);
        } else {
            qWarning("no docker-compose or ../shared/oracles: the edited project is not held against the "
                     "real tool");
        }

        // Undone: byte-identical, the created file gone; redone: the edit again.
        QVERIFY(save(changes, true).ok);
        QCOMPARE(snapshot(dir), before);
        QVERIFY(save(changes, false).ok);
        QCOMPARE(snapshot(dir), after);
    }

    // A save of several files replaces all of them or none: a file that cannot be written
    // (its folder is gone) leaves the others as they were.
    void saveAllOrNothing()
    {
        QTemporaryDir tmp;
        const QString a = tmp.filePath(QStringLiteral("a.yaml"));
        QFile f(a);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a: 1\n");
        f.close();
        std::vector<FileToSave> files(2);
        files[0].path = a;
        files[0].bytes = "a: 2\n";
        files[0].options.expectedFingerprint = contentFingerprint("a: 1\n");
        files[1].path = tmp.filePath(QStringLiteral("missing/b.yaml"));
        files[1].bytes = "b: 1\n";
        files[1].create = true;
        const SaveResult r = saveFiles(files);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("missing")), qPrintable(r.error));
        QCOMPARE(readAll(a), QByteArray("a: 1\n"));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("a.yaml")});
        // A file changed since it was read stops the save before anything is replaced.
        files[1].path = tmp.filePath(QStringLiteral("b.yaml"));
        files[0].options.expectedFingerprint = contentFingerprint("something else\n");
        const SaveResult changed = saveFiles(files);
        QVERIFY(!changed.ok && changed.changedOnDisk);
        QVERIFY(!QFile::exists(files[1].path));
        files[0].options.expectedFingerprint = contentFingerprint("a: 1\n");
        // One file named twice (here through a symlink): refused, nothing written.
        QVERIFY(QFile::link(a, tmp.filePath(QStringLiteral("link.yaml"))));
        std::vector<FileToSave> twice{files[0], files[0]};
        twice[1].path = tmp.filePath(QStringLiteral("link.yaml"));
        twice[1].bytes = "a: 3\n";
        const SaveResult same = saveFiles(twice);
        QVERIFY(!same.ok);
        QVERIFY2(same.error.contains(QLatin1String("same file")), qPrintable(same.error));
        QCOMPARE(readAll(a), QByteArray("a: 1\n"));
        QVERIFY(saveFiles(files).ok);
        QCOMPARE(readAll(a), QByteArray("a: 2\n"));
        QCOMPARE(readAll(files[1].path), QByteArray("b: 1\n"));
    }
};

QTEST_GUILESS_MAIN(TestProjectEdit)
#include "tst_projectedit.moc"
