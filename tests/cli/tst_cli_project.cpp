// deadbolt-cli check on Compose projects: -f files in order, COMPOSE_FILE, the current folder's
// default files, exit 2 and file:line:column for a broken project, provenance in the JSON; fix
// on a project: one diff of the changed files, --override and --into, saved together.
#include "clirun.h"

#include <QTemporaryDir>

#include <QJsonArray>

using namespace deadbolt::testing;

namespace {

const QString Projects = QStringLiteral(DEADBOLT_TESTDATA "/projects");

Run cli(const QStringList &args, const QString &dir = Projects,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return runProgram(QStringLiteral(DEADBOLT_CLI), args, dir, env);
}

QJsonObject workload(const QJsonObject &report, const QString &name)
{
    for (const QJsonValue &f : report[QStringLiteral("files")].toArray())
        for (const QJsonValue &w : f[QStringLiteral("workloads")].toArray())
            if (w[QStringLiteral("name")].toString() == name)
                return w.toObject();
    return {};
}

} // namespace

class TestCliProject : public QObject
{
    Q_OBJECT

private slots:
    void filesInOrder()
    {
        const Run r = cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
                           QStringLiteral("-f"), QStringLiteral("base-override/compose.yaml"),
                           QStringLiteral("--file"), QStringLiteral("base-override/compose.override.yaml")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject report = parseJson(r.out);
        const QJsonArray files = report[QStringLiteral("files")].toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0][QStringLiteral("files")].toArray().size(), 2);
        const QJsonObject db = workload(report, QStringLiteral("db"));
        QCOMPARE(db[QStringLiteral("status")].toString(), QStringLiteral("immutable-with-exceptions"));
        const QJsonObject source = db[QStringLiteral("readOnlySource")].toObject();
        QCOMPARE(source[QStringLiteral("file")].toString(),
                 QStringLiteral("base-override/compose.override.yaml"));
        QCOMPARE(source[QStringLiteral("line")].toInt(), 9);
        QCOMPARE(source[QStringLiteral("via")].toString(), QStringLiteral("override"));
        // The override's bind mount replaced the base's named volume on /data.
        const QJsonObject web = workload(report, QStringLiteral("web"));
        bool bind = false;
        for (const QJsonValue &p : web[QStringLiteral("persistentPaths")].toArray())
            if (p[QStringLiteral("target")].toString() == QLatin1String("/data"))
                bind = p[QStringLiteral("kind")].toString() == QLatin1String("bind") &&
                       p[QStringLiteral("via")].toString() == QLatin1String("override");
        QVERIFY(bind);
    }

    // Without -f or paths: COMPOSE_FILE, else the folder's compose.yaml and its override.
    void composeFileAndDefaults()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COMPOSE_FILE"), QStringLiteral("a.yml;b.yml"));
        env.insert(QStringLiteral("COMPOSE_PATH_SEPARATOR"), QStringLiteral(";"));
        Run r = cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json")},
                    Projects + QStringLiteral("/three-files"), env);
        QCOMPARE(r.exitCode, 0);
        QJsonObject app = workload(parseJson(r.out), QStringLiteral("app"));
        QCOMPARE(app[QStringLiteral("inMemoryPaths")].toArray().size(), 1); // /tmp from b.yml, no c.yml

        env.remove(QStringLiteral("COMPOSE_FILE"));
        r = cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json")},
                Projects + QStringLiteral("/read-only-false"), env);
        QCOMPARE(r.exitCode, 1); // the override sets read_only: false
        app = workload(parseJson(r.out), QStringLiteral("api"));
        QCOMPARE(app[QStringLiteral("status")].toString(), QStringLiteral("mutable"));
    }

    void brokenProjectsExit2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("where");
        QTest::addRow("missing -f file") << QStringList{QStringLiteral("-f"), QStringLiteral("nowhere.yml")}
                                         << QStringLiteral("nowhere.yml: no such file");
        QTest::addRow("extends cycle")
            << QStringList{QStringLiteral("-f"), QStringLiteral("cycle/compose.yaml")}
            << QStringLiteral("cycle/compose.yaml:2:3: error: extends cycle");
        QTest::addRow("missing service")
            << QStringList{QStringLiteral("-f"), QStringLiteral("missing-extends/compose.yaml")}
            << QStringLiteral("missing-extends/compose.yaml:5:7: error: extends: no service nowhere");
        QTest::addRow("a broken file among several")
            << QStringList{QStringLiteral("-f"), QStringLiteral("three-files/a.yml"), QStringLiteral("-f"),
                           QStringLiteral(DEADBOLT_TESTDATA "/cli/broken.yml")}
            << QStringLiteral("broken.yml:");
    }
    void brokenProjectsExit2()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, where);
        const Run r = cli(
            QStringList{QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json")} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(where), qPrintable(r.err));
        const QJsonArray files = parseJson(r.out)[QStringLiteral("files")].toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0][QStringLiteral("workloads")].toArray().size(), 0); // never a partial answer
    }

    // A fragment file alone: partial, a note, exit 0; with its base it is what the base makes it.
    void fragmentAlone()
    {
        const Run r = cli({QStringLiteral("check"), QStringLiteral("fragment/override.yml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("partial") && r.out.contains("DB012"), r.out.constData());
    }

    void fixProject()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path();
        for (const QString &name : {QStringLiteral("compose.yaml"), QStringLiteral("compose.override.yaml")})
            QVERIFY(QFile::copy(QStringLiteral(DEADBOLT_TESTDATA "/projectedits/override-existing/") + name,
                                dir + QLatin1Char('/') + name));
        const QStringList project{QStringLiteral("fix"), QStringLiteral("-f"), QStringLiteral("compose.yaml"),
                                  QStringLiteral("-f"), QStringLiteral("compose.override.yaml")};
        // Without --in-place: the diff of every changed file, nothing written.
        const Run shown = cli(project, dir);
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains("+++ b/compose.override.yaml") &&
                     shown.out.contains("+    read_only: true"),
                 shown.out.constData());
        // --override: a new file, every other one as it was; the project with it is immutable.
        const Run saved = cli(project + QStringList{QStringLiteral("--override"), QStringLiteral("ro.yaml"),
                                                    QStringLiteral("--in-place")},
                              dir);
        QCOMPARE(saved.exitCode, 0);
        QCOMPARE(saved.out, QByteArray());
        QFile ro(dir + QStringLiteral("/ro.yaml"));
        QVERIFY(ro.open(QIODevice::ReadOnly));
        const QByteArray text = ro.readAll();
        QVERIFY2(text.contains("docker compose -f compose.yaml -f compose.override.yaml -f ro.yaml up"),
                 text.constData());
        const Run check = cli({QStringLiteral("check"), QStringLiteral("-f"), QStringLiteral("compose.yaml"),
                               QStringLiteral("-f"), QStringLiteral("compose.override.yaml"),
                               QStringLiteral("-f"), QStringLiteral("ro.yaml")},
                              dir);
        QCOMPARE(check.exitCode, 0);
        // Refusals and misuse exit 2.
        QCOMPARE(
            cli(project + QStringList{QStringLiteral("--into"), QStringLiteral("other.yaml")}, dir).exitCode,
            2);
        QCOMPARE(cli({QStringLiteral("fix"), QStringLiteral("--into"), QStringLiteral("compose.yaml"),
                      QStringLiteral("compose.yaml")},
                     dir)
                     .exitCode,
                 2);
        const Run refused =
            cli(project + QStringList{QStringLiteral("--into"), QStringLiteral("compose.yaml"),
                                      QStringLiteral("--no-tmpfs"), QStringLiteral("web:/tmp")},
                dir);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QLatin1String("no in-memory path /tmp")), qPrintable(refused.err));
    }

    void formatHasNoShortForm()
    {
        const Run r = cli({QStringLiteral("check"), QStringLiteral("--help")});
        QVERIFY(r.out.contains("-f, --file <file>"));
        QVERIFY(r.out.contains("--format <format>"));
        QVERIFY(!r.out.contains("-f, --format"));
    }
};

QTEST_GUILESS_MAIN(TestCliProject)
#include "tst_cli_project.moc"
