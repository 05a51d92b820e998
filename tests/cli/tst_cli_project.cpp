// deadbolt-cli check on Compose projects: -f files in order, COMPOSE_FILE, the current folder's
// default files, exit 2 and file:line:column for a broken project, provenance in the JSON.
#include "clirun.h"

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
