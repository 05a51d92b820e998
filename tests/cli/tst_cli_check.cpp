// Runs the real deadbolt-cli binary: exit codes, text, JSON and SARIF output.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include "clirun.h"

using namespace deadbolt::testing;

namespace {

const QString Data = QStringLiteral(DEADBOLT_TESTDATA "/cli");

Run cli(const QStringList &args)
{
    return runProgram(QStringLiteral(DEADBOLT_CLI), args, Data);
}

QJsonArray allWorkloads(const QJsonObject &report)
{
    QJsonArray out;
    for (const QJsonValue &f : report.value(QStringLiteral("files")).toArray())
        for (const QJsonValue &w : f[QStringLiteral("workloads")].toArray())
            out.append(w);
    return out;
}

} // namespace

class TestCliCheck : public QObject
{
    Q_OBJECT

private slots:
    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("immutable") << QStringList{QStringLiteral("immutable-compose.yml")} << 0;
        QTest::addRow("mutable") << QStringList{QStringLiteral("mutable-compose.yml")} << 1;
        QTest::addRow("warning, default fail-on") << QStringList{QStringLiteral("warning-k8s.yaml")} << 0;
        QTest::addRow("warning, fail-on warning")
            << QStringList{QStringLiteral("--fail-on"), QStringLiteral("warning"),
                           QStringLiteral("warning-k8s.yaml")}
            << 1;
        QTest::addRow("fail-on error explicit")
            << QStringList{QStringLiteral("--fail-on"), QStringLiteral("error"),
                           QStringLiteral("warning-k8s.yaml")}
            << 0;
        QTest::addRow("broken") << QStringList{QStringLiteral("broken.yml")} << 2;
        QTest::addRow("not utf-8") << QStringList{QStringLiteral("not-utf8.yml")} << 2;
        QTest::addRow("missing file") << QStringList{QStringLiteral("no-such-file.yml")} << 2;
        QTest::addRow("broken wins over findings")
            << QStringList{QStringLiteral("mutable-compose.yml"), QStringLiteral("broken.yml")} << 2;
        QTest::addRow("directory, all immutable") << QStringList{QStringLiteral("dir")} << 0;
        QTest::addRow("json format keeps exit code")
            << QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                           QStringLiteral("mutable-compose.yml")}
            << 1;
        QTest::addRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml"),
                                                   QStringLiteral("dir")}
                                    << 2;
        QTest::addRow("bad fail-on") << QStringList{QStringLiteral("--fail-on"), QStringLiteral("info"),
                                                    QStringLiteral("dir")}
                                     << 2;
        QTest::addRow("no paths") << QStringList{} << 2;
        // A YAML error in a document without workloads fails the run: check is a CI gate, and
        // kubectl rejects the file. --all-documents is accepted and changes nothing.
        QTest::addRow("broken ConfigMap") << QStringList{QStringLiteral("broken-configmap-k8s.yaml")} << 2;
        QTest::addRow("unclosed quote before read_only")
            << QStringList{QStringLiteral("unclosed-quote-compose.yml")} << 2;
        QTest::addRow("broken ConfigMap, all documents")
            << QStringList{QStringLiteral("--all-documents"), QStringLiteral("broken-configmap-k8s.yaml")}
            << 2;
    }

    void allDocumentsReportsTheErrorWhere()
    {
        for (const QStringList &args :
             {QStringList{QStringLiteral("check"), QStringLiteral("broken-configmap-k8s.yaml")},
              QStringList{QStringLiteral("check"), QStringLiteral("--all-documents"),
                          QStringLiteral("broken-configmap-k8s.yaml")}}) {
            const Run r = cli(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(
                r.err.contains(QStringLiteral("broken-configmap-k8s.yaml:9:12: error: mapping values are not "
                                              "allowed in this context")),
                qPrintable(r.err));
        }
        const Run help = cli({QStringLiteral("check"), QStringLiteral("--help")});
        QVERIFY(QString::fromUtf8(help.out).contains(QStringLiteral("--all-documents")));
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const Run r = cli(QStringList{QStringLiteral("check")} + args);
        QVERIFY2(r.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit %1, expected %2\nstdout: %3\nstderr: %4")
                                .arg(r.exitCode)
                                .arg(exitCode)
                                .arg(QString::fromUtf8(r.out.left(2000)), r.err)));
    }

    void warningFileReallyHasAWarning()
    {
        // Guards the fail-on rows above: they only mean something if the file yields a warning.
        const QJsonObject report = parseJson(cli({QStringLiteral("check"), QStringLiteral("--format"),
                                                  QStringLiteral("json"), QStringLiteral("warning-k8s.yaml")})
                                                 .out);
        const QJsonArray ws = allWorkloads(report);
        QCOMPARE(ws.size(), 1);
        QCOMPARE(ws[0][QStringLiteral("status")].toString(), QStringLiteral("immutable-with-exceptions"));
        QStringList severities;
        for (const QJsonValue &f : ws[0][QStringLiteral("findings")].toArray())
            severities << f[QStringLiteral("severity")].toString();
        QVERIFY2(severities.contains(QStringLiteral("warning")),
                 qPrintable(severities.join(QLatin1Char(','))));
        QVERIFY(!severities.contains(QStringLiteral("error")));
    }

    void brokenFileNamesLineAndColumn()
    {
        for (const QString &format : {QStringLiteral("text"), QStringLiteral("json")}) {
            const Run r = cli(
                {QStringLiteral("check"), QStringLiteral("--format"), format, QStringLiteral("broken.yml")});
            QCOMPARE(r.exitCode, 2);
            static const QRegularExpression where(QStringLiteral("broken\\.yml:(\\d+):(\\d+): error: \\S"));
            const QRegularExpressionMatch m = where.match(r.err);
            QVERIFY2(m.hasMatch(), qPrintable(r.err));
            QVERIFY(m.captured(1).toInt() >= 4); // the flow sequence opens on line 4
            QVERIFY(m.captured(2).toInt() >= 1);
            if (format == QLatin1String("json")) {
                const QJsonObject file = parseJson(r.out)[QStringLiteral("files")][0].toObject();
                const QJsonObject e = file[QStringLiteral("errors")][0].toObject();
                QCOMPARE(e[QStringLiteral("line")].toInt(), m.captured(1).toInt());
                QCOMPARE(e[QStringLiteral("column")].toInt(), m.captured(2).toInt());
                QVERIFY(!e[QStringLiteral("message")].toString().isEmpty());
            } else {
                QVERIFY2(r.out.contains("error:"), r.out.constData());
            }
        }
    }

    void missingFileReason()
    {
        const Run r = cli({QStringLiteral("check"), QStringLiteral("no-such-file.yml")});
        QVERIFY2(r.err.contains(QStringLiteral("no-such-file.yml: no such file")), qPrintable(r.err));
    }

    void directoryListsSkippedFiles()
    {
        const Run r = cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
                           QStringLiteral("dir")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject report = parseJson(r.out);
        QStringList paths;
        QString skipped;
        for (const QJsonValue &f : report[QStringLiteral("files")].toArray()) {
            paths << f[QStringLiteral("path")].toString();
            if (f.toObject().contains(QStringLiteral("skipped")))
                skipped = f[QStringLiteral("path")].toString();
            QCOMPARE(f[QStringLiteral("errors")].toArray().size(), 0);
        }
        // Sorted, recursive, hidden directories and non-YAML files left out.
        QCOMPARE(paths, (QStringList{QStringLiteral("dir/compose.yaml"), QStringLiteral("dir/workflow.yml"),
                                     QStringLiteral("dir/nested/deployment.yml")}));
        QCOMPARE(skipped, QStringLiteral("dir/workflow.yml"));
        QCOMPARE(allWorkloads(report).size(),
                 2); // api service + web container; the k8s Service is no workload
        QCOMPARE(report[QStringLiteral("summary")][QStringLiteral("skippedFiles")].toInt(), 1);

        const Run text = cli({QStringLiteral("check"), QStringLiteral("dir")});
        QVERIFY2(text.out.contains("skipped:"), text.out.constData());
    }

    void jsonSchema()
    {
        const Run r = cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
                           QStringLiteral("immutable-compose.yml"), QStringLiteral("mutable-compose.yml")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject report = parseJson(r.out);
        const QJsonArray files = report[QStringLiteral("files")].toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0][QStringLiteral("path")].toString(), QStringLiteral("immutable-compose.yml"));
        QCOMPARE(files[0][QStringLiteral("format")].toString(), QStringLiteral("compose-spec"));

        const QJsonObject web = files[0][QStringLiteral("workloads")][0].toObject();
        QCOMPARE(web[QStringLiteral("name")].toString(), QStringLiteral("web"));
        QCOMPARE(web[QStringLiteral("status")].toString(), QStringLiteral("immutable-with-exceptions"));
        QCOMPARE(web[QStringLiteral("readOnly")], QJsonValue(true));
        QCOMPARE(web[QStringLiteral("exempt")], QJsonValue(false));
        const QJsonArray tmpfs = web[QStringLiteral("inMemoryPaths")].toArray();
        QCOMPARE(tmpfs.size(), 3);
        QCOMPARE(tmpfs[0][QStringLiteral("target")].toString(), QStringLiteral("/var/run/apache2"));
        QCOMPARE(tmpfs[0][QStringLiteral("uid")].toInt(), 33);
        QCOMPARE(tmpfs[0][QStringLiteral("gid")].toInt(), 33);
        QCOMPARE(tmpfs[0][QStringLiteral("size")].toString(), QStringLiteral("16m"));
        QCOMPARE(tmpfs[0][QStringLiteral("line")].toInt(), 7);
        QCOMPARE(files[0][QStringLiteral("workloads")][1][QStringLiteral("status")].toString(),
                 QStringLiteral("immutable"));

        const QJsonObject db = files[1][QStringLiteral("workloads")][1].toObject();
        QCOMPARE(db[QStringLiteral("name")].toString(), QStringLiteral("db"));
        QCOMPARE(db[QStringLiteral("status")].toString(), QStringLiteral("mutable"));
        QCOMPARE(db[QStringLiteral("readOnly")], QJsonValue(false));
        QCOMPARE(db[QStringLiteral("persistentPaths")][0][QStringLiteral("target")].toString(),
                 QStringLiteral("/var/lib/postgresql/data"));
        const QJsonArray findings = db[QStringLiteral("findings")].toArray();
        QVERIFY(!findings.isEmpty());
        bool rootFsError = false;
        for (const QJsonValue &f : findings) {
            for (const char *key : {"rule", "severity", "message", "line", "column"})
                QVERIFY2(f.toObject().contains(QLatin1String(key)), key);
            rootFsError =
                rootFsError || (f[QStringLiteral("severity")].toString() == QLatin1String("error") &&
                                f[QStringLiteral("line")].toInt() == 8);
        }
        QVERIFY2(rootFsError, r.out.constData()); // writable root fs is an error, at the service
        QCOMPARE(report[QStringLiteral("summary")][QStringLiteral("workloads")].toInt(), 4);
        QCOMPARE(report[QStringLiteral("summary")][QStringLiteral("mutable")].toInt(), 1);
    }

    void sarif()
    {
        const Run r = cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("sarif"),
                           QStringLiteral("mutable-compose.yml"), QStringLiteral("broken.yml")});
        QCOMPARE(r.exitCode, 2);
        const QJsonObject sarif = parseJson(r.out);
        QCOMPARE(sarif[QStringLiteral("version")].toString(), QStringLiteral("2.1.0"));
        QVERIFY(sarif[QStringLiteral("$schema")].toString().contains(QStringLiteral("sarif-2.1.0")));
        const QJsonObject run = sarif[QStringLiteral("runs")][0].toObject();
        const QJsonObject driver = run[QStringLiteral("tool")][QStringLiteral("driver")].toObject();
        QCOMPARE(driver[QStringLiteral("name")].toString(), QStringLiteral("deadbolt"));
        QStringList ruleIds;
        for (const QJsonValue &rule : driver[QStringLiteral("rules")].toArray())
            ruleIds << rule[QStringLiteral("id")].toString();
        const QJsonArray results = run[QStringLiteral("results")].toArray();
        QVERIFY(results.size() >= 2);
        QSet<QString> uris;
        for (const QJsonValue &res : results) {
            QVERIFY(ruleIds.contains(res[QStringLiteral("ruleId")].toString()));
            QVERIFY(QStringList({QStringLiteral("error"), QStringLiteral("warning"), QStringLiteral("note")})
                        .contains(res[QStringLiteral("level")].toString()));
            QVERIFY(!res[QStringLiteral("message")][QStringLiteral("text")].toString().isEmpty());
            const QJsonObject loc =
                res[QStringLiteral("locations")][0][QStringLiteral("physicalLocation")].toObject();
            uris.insert(loc[QStringLiteral("artifactLocation")][QStringLiteral("uri")].toString());
            QVERIFY(loc[QStringLiteral("region")][QStringLiteral("startLine")].toInt() >= 1);
        }
        QCOMPARE(uris, (QSet<QString>{QStringLiteral("mutable-compose.yml"), QStringLiteral("broken.yml")}));
    }

    void textTable()
    {
        const Run r = cli({QStringLiteral("check"), QStringLiteral("mutable-compose.yml")});
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("WORKLOAD")) && out.contains(QStringLiteral("STATUS")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("1 of 2 workloads immutable")), qPrintable(out));
        QVERIFY2(QRegularExpression(QStringLiteral("\\n\\s+8:3\\s+error")).match(out).hasMatch(),
                 qPrintable(out));
    }

    void samples()
    {
        QDir dir(QStringLiteral(DEADBOLT_SAMPLES));
        const QStringList files =
            dir.entryList({QStringLiteral("*.yml"), QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            QSKIP("no samples in resources/samples yet");
        for (const QString &f : files) {
            const Run r = cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
                               dir.filePath(f)});
            QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(f + QStringLiteral(": ") + r.err));
            const QJsonObject report = parseJson(r.out);
            QVERIFY2(!allWorkloads(report).isEmpty(), qPrintable(f));
            // The WordPress samples are the immutable showcase: they must pass.
            if (f.startsWith(QLatin1String("wordpress")))
                QVERIFY2(r.exitCode == 0, qPrintable(f + QString::fromUtf8(r.out)));
        }
    }

    void helpAndVersion()
    {
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("check"));
        const Run checkHelp = cli({QStringLiteral("check"), QStringLiteral("--help")});
        QCOMPARE(checkHelp.exitCode, 0);
        QVERIFY(checkHelp.out.contains("--fail-on"));
        // The usage line names the command, not the path the binary was started by.
        for (const char *command : {"check", "fix", "diff"}) {
            const Run h = cli({QString::fromLatin1(command), QStringLiteral("--help")});
            QVERIFY2(h.out.startsWith("Usage: deadbolt-cli " + QByteArray(command) + " [options] "),
                     h.out.left(80).constData());
        }
        const Run version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        // project(VERSION), then the commit when built from git (cmake/deadboltversion.cmake).
        QVERIFY(QRegularExpression(
                    QStringLiteral("^deadbolt-cli \\d+\\.\\d+\\.\\d+( \\(commit [0-9a-f]+(-dirty)?\\))?\\n$"))
                    .match(QString::fromUtf8(version.out))
                    .hasMatch());
        QCOMPARE(cli({QStringLiteral("frobnicate")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliCheck)
#include "tst_cli_check.moc"
