// Runs the real deadbolt-cli diff: exit codes, every format, golden Markdown and JSON, and
// --git against a repository made in a temporary folder.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "clirun.h"

using deadbolt::testing::parseJson;
using deadbolt::testing::Run;

namespace {

const QString Data = QStringLiteral(DEADBOLT_TESTDATA "/review");

// Git must never read or write the user's configuration: everything it needs comes from
// the environment of the processes started here.
QProcessEnvironment gitEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Deadbolt Test"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("test@example.invalid"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Deadbolt Test"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("test@example.invalid"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    return env;
}

Run runProgram(const QString &program, const QStringList &args, const QString &workDir)
{
    return deadbolt::testing::runProgram(program, args, workDir, gitEnvironment());
}

Run cli(const QStringList &args, const QString &workDir = Data)
{
    return runProgram(QStringLiteral(DEADBOLT_CLI), QStringList{QStringLiteral("diff")} + args, workDir);
}

bool git(const QString &repo, const QStringList &args, QByteArray *out = nullptr)
{
    const Run r = runProgram(QStringLiteral("git"), args, repo);
    if (r.exitCode != 0)
        qWarning("git %s failed: %s", qPrintable(args.join(QLatin1Char(' '))), qPrintable(r.err));
    if (out)
        *out = r.out.trimmed();
    return r.exitCode == 0;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList changeKinds(const QJsonObject &report)
{
    QStringList kinds;
    for (const QJsonValue &f : report.value(QStringLiteral("files")).toArray())
        for (const QJsonValue &c : f[QStringLiteral("changes")].toArray())
            kinds << c[QStringLiteral("kind")].toString();
    return kinds;
}

const QByteArray ReadOnlyCompose = "services:\n  web:\n    image: nginx\n    read_only: true\n";
const QByteArray WritableCompose = "services:\n  web:\n    image: nginx\n    read_only: false\n";

} // namespace

class TestCliDiff : public QObject
{
    Q_OBJECT

private slots:
    void exitCodes_data();
    void exitCodes();
    void usageErrors_data();
    void usageErrors();
    void golden_data();
    void golden();
    void textFormat();
    void sarifFormat();
    void gitWorkingTree();
    void gitRange();
    void gitErrors();
    void projectGit();
    void projectDirectories();
    void projectErrors();
};

void TestCliDiff::exitCodes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("became mutable") << QStringLiteral("compose-became-mutable") << 1;
    QTest::addRow("tmpfs added") << QStringLiteral("compose-tmpfs-added") << 1;
    QTest::addRow("volume added") << QStringLiteral("compose-volume-added") << 1;
    QTest::addRow("became undetermined") << QStringLiteral("k8s-became-undetermined") << 1;
    QTest::addRow("memory to disk") << QStringLiteral("k8s-memory-to-disk") << 1;
    QTest::addRow("became immutable") << QStringLiteral("compose-became-immutable") << 0;
    QTest::addRow("reformatted") << QStringLiteral("compose-reformatted") << 0;
    QTest::addRow("exemptions") << QStringLiteral("k8s-exemption") << 0;
    QTest::addRow("path changed") << QStringLiteral("compose-tmpfs-changed") << 0;
}

void TestCliDiff::exitCodes()
{
    QFETCH(QString, name);
    QFETCH(int, exitCode);
    const Run r = cli({name + QStringLiteral("/old.yaml"), name + QStringLiteral("/new.yaml")});
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
}

void TestCliDiff::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString old = QStringLiteral("compose-became-mutable/old.yaml");
    QTest::addRow("one path") << QStringList{old} << QStringLiteral("give OLD and NEW");
    QTest::addRow("missing new") << QStringList{old, QStringLiteral("nowhere.yaml")}
                                 << QStringLiteral("no such file");
    QTest::addRow("dir and file") << QStringList{QStringLiteral("golden/old"), old}
                                  << QStringLiteral("directory with a file");
    QTest::addRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml"), old, old}
                                << QStringLiteral("unknown format");
}

void TestCliDiff::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestCliDiff::golden_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("golden");
    QTest::addRow("markdown") << QStringLiteral("markdown") << QStringLiteral("diff.md");
    QTest::addRow("json") << QStringLiteral("json") << QStringLiteral("diff.json");
}

// The two directories under golden/ hold a regression, improvements and other changes in a
// Compose file and a Kubernetes file, plus a file that did not change. Set
// DEADBOLT_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
void TestCliDiff::golden()
{
    QFETCH(QString, format);
    QFETCH(QString, golden);
    const QString goldenDir = Data + QStringLiteral("/golden");
    const Run r =
        cli({QStringLiteral("--format"), format, QStringLiteral("old"), QStringLiteral("new")}, goldenDir);
    QCOMPARE(r.exitCode, 1);
    const QString goldenPath = goldenDir + QLatin1Char('/') + golden;
    if (qEnvironmentVariableIsSet("DEADBOLT_UPDATE_GOLDEN"))
        QVERIFY(writeFile(goldenPath, r.out));
    const QByteArray expected = readFile(goldenPath);
    QVERIFY2(!expected.isEmpty(), qPrintable(goldenPath));
    QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(expected));
}

void TestCliDiff::textFormat()
{
    const Run r = cli({QStringLiteral("compose-became-mutable/old.yaml"),
                       QStringLiteral("compose-became-mutable/new.yaml")});
    QCOMPARE(r.exitCode, 1);
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0),
             QStringLiteral("compose-became-mutable/new.yaml:4:16: regression: web: root filesystem is "
                            "now writable, was read-only (read_only: true -> false)"));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("compose-became-mutable/new.yaml:5:3: regression: db: ")),
             qPrintable(lines.at(1)));
    QCOMPARE(lines.at(2), QStringLiteral("2 regressions in 2 workloads (1 file compared)."));
}

void TestCliDiff::sarifFormat()
{
    const Run r = cli(
        {QStringLiteral("--format"), QStringLiteral("sarif"), QStringLiteral("old"), QStringLiteral("new")},
        Data + QStringLiteral("/golden"));
    QCOMPARE(r.exitCode, 1);
    const QJsonObject log = parseJson(r.out);
    QCOMPARE(log[QStringLiteral("version")].toString(), QStringLiteral("2.1.0"));
    const QJsonObject run = log[QStringLiteral("runs")].toArray().first().toObject();
    QCOMPARE(run[QStringLiteral("tool")][QStringLiteral("driver")][QStringLiteral("name")].toString(),
             QStringLiteral("deadbolt"));
    const QJsonArray results = run[QStringLiteral("results")].toArray();
    QVERIFY(!results.isEmpty());
    // Regressions come first, at level error, located in the new file relative to the cwd.
    const QJsonObject first = results.first().toObject();
    QCOMPARE(first[QStringLiteral("level")].toString(), QStringLiteral("error"));
    const QJsonObject physical =
        first[QStringLiteral("locations")].toArray().first()[QStringLiteral("physicalLocation")].toObject();
    QVERIFY2(physical[QStringLiteral("artifactLocation")][QStringLiteral("uri")].toString().startsWith(
                 QLatin1String("new/")),
             qPrintable(physical[QStringLiteral("artifactLocation")][QStringLiteral("uri")].toString()));
    QVERIFY(physical[QStringLiteral("region")][QStringLiteral("startLine")].toInt() > 0);
    // Every result's rule is declared.
    QSet<QString> rules;
    for (const QJsonValue &rule :
         run[QStringLiteral("tool")][QStringLiteral("driver")][QStringLiteral("rules")].toArray())
        rules.insert(rule[QStringLiteral("id")].toString());
    for (const QJsonValue &result : results)
        QVERIFY(rules.contains(result[QStringLiteral("ruleId")].toString()));
}

void TestCliDiff::gitWorkingTree()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString repo = tmp.path();
    QVERIFY(git(repo, {QStringLiteral("-c"), QStringLiteral("init.defaultBranch=main"),
                       QStringLiteral("init"), QStringLiteral("-q")}));
    QVERIFY(writeFile(repo + QStringLiteral("/compose.yml"), ReadOnlyCompose));
    QVERIFY(writeFile(repo + QStringLiteral("/deploy/k8s.yaml"),
                      readFile(Data + QStringLiteral("/k8s-emptydir-added/old.yaml"))));
    QVERIFY(writeFile(repo + QStringLiteral("/README.txt"), "not yaml\n"));
    QVERIFY(git(repo, {QStringLiteral("add"), QStringLiteral(".")}));
    QVERIFY(git(repo, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                       QStringLiteral("first")}));

    // Nothing changed yet.
    Run r = cli({QStringLiteral("--git"), QStringLiteral("HEAD")}, repo);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("No change to immutability in 2 files"), r.out.constData());

    // A regression in the working tree, an untracked file (ignored by default) and a new
    // file added to the index (compared as added).
    QVERIFY(writeFile(repo + QStringLiteral("/compose.yml"), WritableCompose));
    QVERIFY(writeFile(repo + QStringLiteral("/untracked.yml"), WritableCompose));
    QVERIFY(writeFile(repo + QStringLiteral("/deploy/new.yaml"),
                      readFile(Data + QStringLiteral("/k8s-became-immutable/new.yaml"))));
    QVERIFY(git(repo, {QStringLiteral("add"), QStringLiteral("deploy/new.yaml")}));
    r = cli(
        {QStringLiteral("--git"), QStringLiteral("HEAD"), QStringLiteral("--format"), QStringLiteral("json")},
        repo);
    QCOMPARE(r.exitCode, 1);
    QJsonObject report = parseJson(r.out);
    QCOMPARE(report[QStringLiteral("old")].toString(), QStringLiteral("HEAD"));
    QCOMPARE(report[QStringLiteral("new")].toString(), QStringLiteral("working tree"));
    QStringList files;
    for (const QJsonValue &f : report[QStringLiteral("files")].toArray())
        files << f[QStringLiteral("path")].toString() + QLatin1Char('=') +
                     f[QStringLiteral("state")].toString();
    QCOMPARE(files.join(QLatin1Char(' ')),
             QStringLiteral("compose.yml=modified deploy/k8s.yaml=unchanged deploy/new.yaml=added"));
    QCOMPARE(changeKinds(report),
             (QStringList{QStringLiteral("became-mutable"), QStringLiteral("workload-added")}));

    // An explicit path is compared even when git does not track it; it is new, so added.
    r = cli({QStringLiteral("--git"), QStringLiteral("HEAD"), QStringLiteral("untracked.yml")}, repo);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("untracked.yml:2:3: regression: web: workload added: mutable"),
             r.out.constData());

    // From a subdirectory: only the files under it, named relative to it.
    r = cli(
        {QStringLiteral("--git"), QStringLiteral("HEAD"), QStringLiteral("--format"), QStringLiteral("json")},
        repo + QStringLiteral("/deploy"));
    QCOMPARE(r.exitCode, 0);
    report = parseJson(r.out);
    QCOMPARE(report[QStringLiteral("files")].toArray().size(), 2);
    QCOMPARE(report[QStringLiteral("files")].toArray().at(0)[QStringLiteral("path")].toString(),
             QStringLiteral("k8s.yaml"));
    QCOMPARE(report[QStringLiteral("files")]
                 .toArray()
                 .at(0)[QStringLiteral("old")][QStringLiteral("label")]
                 .toString(),
             QStringLiteral("HEAD:k8s.yaml"));

    // A file deleted from the working tree is removed.
    QVERIFY(QFile::remove(repo + QStringLiteral("/deploy/k8s.yaml")));
    r = cli({QStringLiteral("--git"), QStringLiteral("HEAD"), QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("deploy")},
            repo);
    QCOMPARE(r.exitCode, 0);
    // Files in path order: deploy/k8s.yaml (removed), then deploy/new.yaml (added).
    QCOMPARE(changeKinds(parseJson(r.out)),
             (QStringList{QStringLiteral("workload-removed"), QStringLiteral("workload-added")}));
}

void TestCliDiff::gitRange()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString repo = tmp.path();
    QVERIFY(git(repo, {QStringLiteral("-c"), QStringLiteral("init.defaultBranch=main"),
                       QStringLiteral("init"), QStringLiteral("-q")}));
    QVERIFY(writeFile(repo + QStringLiteral("/compose.yml"), ReadOnlyCompose));
    QVERIFY(git(repo, {QStringLiteral("add"), QStringLiteral(".")}));
    QVERIFY(git(repo,
                {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("A")}));
    QByteArray a;
    QVERIFY(git(repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, &a));
    QVERIFY(writeFile(repo + QStringLiteral("/compose.yml"), WritableCompose));
    QVERIFY(git(
        repo, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-am"), QStringLiteral("B")}));
    QVERIFY(git(repo, {QStringLiteral("tag"), QStringLiteral("b")}));
    // The working tree goes back to read-only: --git A..B must not look at it.
    QVERIFY(writeFile(repo + QStringLiteral("/compose.yml"), ReadOnlyCompose));

    const QString shortA = QString::fromLatin1(a.left(10));
    Run r = cli({QStringLiteral("--git"), shortA + QStringLiteral("..b")}, repo);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.startsWith("b:compose.yml:4:16: regression: web: root filesystem is now writable"),
             r.out.constData());

    r = cli({QStringLiteral("--git"), QStringLiteral("b..") + shortA, QStringLiteral("--format"),
             QStringLiteral("json")},
            repo);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(changeKinds(parseJson(r.out)), QStringList{QStringLiteral("became-immutable")});

    // REV..: up to HEAD, the same as A..B here.
    r = cli({QStringLiteral("--git"), shortA + QStringLiteral("..")}, repo);
    QCOMPARE(r.exitCode, 1);

    // The working tree against B: the improvement.
    r = cli({QStringLiteral("--git"), QStringLiteral("b")}, repo);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("improvement: web: root filesystem is now read-only"), r.out.constData());
}

void TestCliDiff::gitErrors()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    // Not a repository (GIT_CEILING_DIRECTORIES keeps git from finding one above /tmp).
    const QString plain = tmp.filePath(QStringLiteral("plain"));
    QVERIFY(QDir().mkpath(plain));
    QProcessEnvironment env = gitEnvironment();
    {
        QProcess p;
        p.setWorkingDirectory(plain);
        env.insert(QStringLiteral("GIT_CEILING_DIRECTORIES"), tmp.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(DEADBOLT_CLI),
                {QStringLiteral("diff"), QStringLiteral("--git"), QStringLiteral("HEAD")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("is not in a git repository")), qPrintable(err));
    }

    const QString repo = tmp.filePath(QStringLiteral("repo"));
    QVERIFY(QDir().mkpath(repo));
    QVERIFY(git(repo, {QStringLiteral("-c"), QStringLiteral("init.defaultBranch=main"),
                       QStringLiteral("init"), QStringLiteral("-q")}));
    QVERIFY(writeFile(repo + QStringLiteral("/compose.yml"), ReadOnlyCompose));
    QVERIFY(git(repo, {QStringLiteral("add"), QStringLiteral(".")}));
    QVERIFY(git(repo,
                {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("A")}));

    Run r = cli({QStringLiteral("--git"), QStringLiteral("no-such-rev")}, repo);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("unknown revision 'no-such-rev'")), qPrintable(r.err));
    r = cli({QStringLiteral("--git"), QStringLiteral("HEAD..nope")}, repo);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("unknown revision 'nope'")), qPrintable(r.err));
    r = cli({QStringLiteral("--git"), QStringLiteral("--upload-pack=touch /tmp/x")}, repo);
    QCOMPARE(r.exitCode, 2);
    // A named path in neither version.
    r = cli({QStringLiteral("--git"), QStringLiteral("HEAD"), QStringLiteral("missing.yml")}, repo);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("missing.yml: not in HEAD nor in working tree")),
             qPrintable(r.err));
    // A file that does not parse in the working tree.
    QVERIFY(writeFile(repo + QStringLiteral("/compose.yml"), "services:\n  web: [unclosed\n"));
    r = cli({QStringLiteral("--git"), QStringLiteral("HEAD")}, repo);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("compose.yml:")), qPrintable(r.err));
}

// A repository whose base file is read-only; the working tree adds an override that undoes
// it and changes the file `extends` reads, which is committed nowhere but read from HEAD.
QString makeProjectRepo(const QTemporaryDir &tmp)
{
    const QString repo = tmp.path();
    const bool ok =
        git(repo, {QStringLiteral("-c"), QStringLiteral("init.defaultBranch=main"), QStringLiteral("init"),
                   QStringLiteral("-q")}) &&
        writeFile(repo + QStringLiteral("/app/compose.yaml"),
                  "services:\n  web:\n    image: nginx\n    read_only: true\n    tmpfs: [/var/run]\n"
                  "  worker:\n    extends: {file: common.yaml, service: base}\n") &&
        writeFile(repo + QStringLiteral("/app/common.yaml"),
                  "services:\n  base:\n    image: busybox\n    read_only: true\n") &&
        git(repo, {QStringLiteral("add"), QStringLiteral(".")}) &&
        git(repo,
            {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("A")});
    return ok ? repo : QString();
}

void TestCliDiff::projectGit()
{
    QTemporaryDir tmp;
    const QString repo = makeProjectRepo(tmp);
    QVERIFY(!repo.isEmpty());
    const QStringList files{QStringLiteral("-f"), QStringLiteral("app/compose.yaml"), QStringLiteral("-f"),
                            QStringLiteral("app/compose.override.yaml")};
    // Nothing changed yet: the override is missing on both sides and named anyway: an error.
    Run r = cli(QStringList{QStringLiteral("--git"), QStringLiteral("HEAD")} + files, repo);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("app/compose.override.yaml: no such file on either side")),
             qPrintable(r.err));

    // The change adds only an override file: read alone it is a fragment, merged it undoes
    // web's read-only root.
    QVERIFY(writeFile(repo + QStringLiteral("/app/compose.override.yaml"),
                      "services:\n  web:\n    read_only: false\n"));
    QVERIFY(writeFile(repo + QStringLiteral("/app/common.yaml"),
                      "services:\n  base:\n    image: busybox\n    read_only: true\n"
                      "    volumes: [/data]\n"));
    r = cli(QStringList{QStringLiteral("--git"), QStringLiteral("HEAD")} + files, repo);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.out.contains("app/compose.override.yaml:3:16: regression: web: root filesystem is now writable"),
        r.out.constData());
    // The old side's extends file comes from HEAD, the new one's from disk: worker gains /data.
    QVERIFY2(r.out.contains("app/common.yaml:5:15: regression: worker: persistent writable path /data added"),
             r.out.constData());

    // Without -f, app/'s compose.yaml and its override are found and merged all the same.
    r = cli({QStringLiteral("--git"), QStringLiteral("HEAD")}, repo);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.out.contains("app/compose.override.yaml:3:16: regression: web: root filesystem is now writable"),
        r.out.constData());

    r = cli(QStringList{QStringLiteral("--git"), QStringLiteral("HEAD"), QStringLiteral("--format"),
                        QStringLiteral("json")} +
                files,
            repo);
    const QJsonObject report = parseJson(r.out);
    const QJsonArray changes = report[QStringLiteral("files")][0][QStringLiteral("changes")].toArray();
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes[0][QStringLiteral("new")][QStringLiteral("file")].toString(),
             QStringLiteral("app/compose.override.yaml"));
    QCOMPARE(changes[0][QStringLiteral("old")][QStringLiteral("file")].toString(),
             QStringLiteral("HEAD:app/compose.yaml"));

    // Committed, compared between revisions from a subfolder: the working tree is not read.
    QVERIFY(git(repo, {QStringLiteral("add"), QStringLiteral(".")}));
    QVERIFY(git(repo,
                {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("B")}));
    QVERIFY(writeFile(repo + QStringLiteral("/app/compose.override.yaml"),
                      "services:\n  web:\n    read_only: true\n"));
    r = cli({QStringLiteral("--git"), QStringLiteral("HEAD~1..HEAD"), QStringLiteral("-f"),
             QStringLiteral("compose.yaml"), QStringLiteral("-f"), QStringLiteral("compose.override.yaml")},
            repo + QStringLiteral("/app"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("HEAD:compose.override.yaml:3:16: regression: web"), r.out.constData());
    QVERIFY2(r.out.contains("2 regressions in 2 workloads"), r.out.constData());
    // An absolute -f through a symlink to the repository names the same files.
    const QString link = tmp.path() + QStringLiteral("-link");
    QFile::remove(link);
    QVERIFY(QFile::link(repo, link));
    r = cli({QStringLiteral("--git"), QStringLiteral("HEAD~1..HEAD"), QStringLiteral("-f"),
             link + QStringLiteral("/app/compose.yaml"), QStringLiteral("-f"),
             link + QStringLiteral("/app/compose.override.yaml")},
            link + QStringLiteral("/app"));
    QFile::remove(link);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("HEAD:compose.override.yaml:3:16: regression: web"), r.out.constData());
    QVERIFY2(!r.out.contains("workload added"), r.out.constData());
    // SARIF points at the file in the working tree.
    r = cli({QStringLiteral("--git"), QStringLiteral("HEAD~1..HEAD"), QStringLiteral("--format"),
             QStringLiteral("sarif"), QStringLiteral("-f"), QStringLiteral("compose.yaml"),
             QStringLiteral("-f"), QStringLiteral("compose.override.yaml")},
            repo + QStringLiteral("/app"));
    QVERIFY2(r.out.contains("\"uri\": \"compose.override.yaml\""), r.out.constData());
}

void TestCliDiff::projectDirectories()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QVERIFY(writeFile(dir + QStringLiteral("/old/compose.yaml"), ReadOnlyCompose));
    QVERIFY(writeFile(dir + QStringLiteral("/new/compose.yaml"), ReadOnlyCompose));
    QVERIFY(writeFile(dir + QStringLiteral("/new/compose.override.yaml"),
                      "services:\n  web:\n    tmpfs: [/tmp]\n"));
    const QStringList args{QStringLiteral("old"),      QStringLiteral("new"),
                           QStringLiteral("-f"),       QStringLiteral("compose.yaml"),
                           QStringLiteral("-f"),       QStringLiteral("compose.override.yaml"),
                           QStringLiteral("--format"), QStringLiteral("markdown")};
    Run r = cli(args, dir);
    QCOMPARE(r.exitCode, 1); // an in-memory path added to a read-only workload
    QVERIFY2(r.out.contains("`new/compose.override.yaml` line 3"), r.out.constData());
    // Without -f a folder's compose.yaml and its override are one project as well, as docker
    // compose reads them by default; other YAML files are compared alone.
    QVERIFY(writeFile(dir + QStringLiteral("/new/other.yaml"), WritableCompose));
    r = cli(
        {QStringLiteral("old"), QStringLiteral("new"), QStringLiteral("--format"), QStringLiteral("json")},
        dir);
    const QJsonArray compared = parseJson(r.out)[QStringLiteral("files")].toArray();
    QCOMPARE(compared.size(), 2);
    QCOMPARE(compared[0][QStringLiteral("path")].toString(),
             QStringLiteral("compose.yaml + compose.override.yaml"));
    QCOMPARE(compared[0][QStringLiteral("changes")][0][QStringLiteral("kind")].toString(),
             QStringLiteral("in-memory-path-added"));
    QCOMPARE(compared[1][QStringLiteral("path")].toString(), QStringLiteral("other.yaml"));
}

void TestCliDiff::projectErrors()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QVERIFY(writeFile(dir + QStringLiteral("/old/compose.yaml"), ReadOnlyCompose));
    QVERIFY(writeFile(dir + QStringLiteral("/new/compose.yaml"), "services:\n  web: [\n"));
    Run r = cli(
        {QStringLiteral("old"), QStringLiteral("new"), QStringLiteral("-f"), QStringLiteral("compose.yaml")},
        dir);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("new/compose.yaml:2:10: error:")), qPrintable(r.err));
    QVERIFY2(!r.out.contains("regression"), r.out.constData()); // no partial answer
    r = cli({QStringLiteral("old/compose.yaml"), QStringLiteral("new/compose.yaml"), QStringLiteral("-f"),
             QStringLiteral("compose.yaml")},
            dir);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("OLD and NEW must be directories")), qPrintable(r.err));
    r = cli({QStringLiteral("old"), QStringLiteral("--project-directory"), QStringLiteral("old")}, dir);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("--project-directory needs -f")), qPrintable(r.err));
    // Under OLD and NEW an absolute -f would name one file twice.
    r = cli({QStringLiteral("old"), QStringLiteral("new"), QStringLiteral("-f"),
             dir + QStringLiteral("/old/compose.yaml")},
            dir);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("is absolute")), qPrintable(r.err));
    r = cli({QStringLiteral("--git"), QStringLiteral("HEAD"), QStringLiteral("-f"), QStringLiteral("a.yaml"),
             QStringLiteral("b.yaml")},
            dir);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("give no PATHs")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCliDiff)
#include "tst_cli_diff.moc"
