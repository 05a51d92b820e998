#include "report/jsonreport.h"

#include "check/checkrun.h"
#include "jsonexpectation.h"
#include "reportfixture.h"

#include <QDir>
#include <QFileInfo>
#include <limits>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace deadbolt;
using namespace deadbolt::testing;

class TestJsonReport : public QObject
{
    Q_OBJECT

    // Strings that need every kind of escape and every length of UTF-8, and numbers that print
    // in exponent form.
    static Analysis hostileAnalysis()
    {
        Analysis a = composeAnalysis();
        QString odd = QStringLiteral("q\"b\\s/\b\f\n\r\t\x01\x1f\x7f é ✓ 𝄞 \u2028");
        odd.append(QChar(0xd800)); // a lone surrogate
        odd.append(QStringLiteral("x"));
        odd.append(QChar(0xdc00));
        a.path = odd;
        a.skipReason = odd;
        Workload &w = a.workloads[0];
        w.name = odd;
        w.exemption = {true, odd, odd};
        w.inMemory[0].uid = std::numeric_limits<qint64>::max();
        w.inMemory[0].gid = -1234567890123;
        w.inMemory[0].options = QString();
        Diagnostic d;
        d.message = odd;
        d.hint = odd;
        d.line = -1;
        w.findings.append(d);
        a.notes.append(d);
        a.errors.append(d);
        return a;
    }

    static Analysis bigAnalysis(int workloads)
    {
        Analysis a = composeAnalysis();
        const QVector<Workload> some = a.workloads;
        a.workloads.clear();
        for (int i = 0; i < workloads; ++i) {
            Workload w = some[i % some.size()];
            w.name = QStringLiteral("service-%1").arg(i);
            a.workloads.append(w);
        }
        return a;
    }

    static QJsonObject report()
    {
        // Through the text, as a consumer would read it.
        const QByteArray text =
            jsonReportText({composeAnalysis(), kubernetesAnalysis(), brokenAnalysis(), skippedAnalysis()});
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError)
            qFatal("report is not JSON: %s", qPrintable(error.errorString()));
        return doc.object();
    }

private slots:
    // The report is written in parts; the text must be exactly what one QJsonDocument of the
    // whole report gives, for the fixtures, for nothing at all and for the bundled samples.
    void streamedTextIsTheDocumentsText()
    {
        QVector<QVector<Analysis>> cases = {
            {composeAnalysis(), kubernetesAnalysis(), brokenAnalysis(), skippedAnalysis()},
            {},
            {skippedAnalysis()},
            {hostileAnalysis()},
            {bigAnalysis(3000)},
        };
        QVector<Analysis> samples;
        for (const QFileInfo &f : QDir(QStringLiteral(DEADBOLT_SAMPLES)).entryInfoList(QDir::Files))
            samples.append(checkFile(f.filePath()));
        QVERIFY(samples.size() >= 5);
        cases.append(samples);
        for (const QVector<Analysis> &analyses : cases) {
            const QByteArray expected =
                QJsonDocument(expectedJsonReport(analyses)).toJson(QJsonDocument::Indented);
            QByteArray parts;
            int calls = 0;
            writeJsonReport(analyses, [&](const QByteArray &part) {
                parts += part;
                ++calls;
            });
            QCOMPARE(parts, expected);
            QCOMPARE(jsonReportText(analyses), expected);
            QVERIFY(calls >= 1);
        }
    }

    // A big report comes in several parts (of about 64 KB), each ending between two workloads.
    void bigReportIsWrittenInParts()
    {
        const QVector<Analysis> analyses = {bigAnalysis(3000)};
        QList<QByteArray> parts;
        writeJsonReport(analyses, [&](const QByteArray &part) { parts.append(part); });
        QVERIFY2(parts.size() >= 5, qPrintable(QString::number(parts.size())));
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            QVERIFY(parts[i].size() >= 64 * 1024);
            QVERIFY(parts[i].size() < 80 * 1024);
            QVERIFY(parts[i].endsWith('}'));
        }
    }

    void fileLevel()
    {
        const QJsonArray files = report().value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 4);
        const QJsonObject compose = files[0].toObject();
        QCOMPARE(compose.value(QStringLiteral("path")).toString(), QStringLiteral("deploy/compose.yml"));
        QCOMPARE(compose.value(QStringLiteral("format")).toString(), QStringLiteral("compose-spec"));
        QCOMPARE(compose.value(QStringLiteral("errors")).toArray().size(), 0);
        QVERIFY(!compose.contains(QStringLiteral("skipped")));
        QCOMPARE(files[1].toObject().value(QStringLiteral("format")).toString(),
                 QStringLiteral("kubernetes"));

        const QJsonArray errors = files[2].toObject().value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].toObject().value(QStringLiteral("line")).toInt(), 3);
        QCOMPARE(errors[0].toObject().value(QStringLiteral("column")).toInt(), 7);
        QCOMPARE(errors[0].toObject().value(QStringLiteral("message")).toString(),
                 QStringLiteral("end of map not found"));
        QCOMPARE(compose.value(QStringLiteral("notes")).toArray().size(), 0);
        QCOMPARE(files[3].toObject().value(QStringLiteral("skipped")).toString(),
                 QStringLiteral("neither a Compose file nor Kubernetes manifests"));
    }

    void workloads_data()
    {
        QTest::addColumn<int>("file");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QJsonValue>("readOnly");
        QTest::addColumn<bool>("exempt");
        QTest::addColumn<int>("inMemory");
        QTest::addColumn<int>("persistent");
        QTest::addColumn<int>("findings");
        QTest::addRow("web") << 0 << 0 << QStringLiteral("web") << QStringLiteral("immutable-with-exceptions")
                             << QJsonValue(true) << false << 1 << 0 << 0;
        QTest::addRow("db") << 0 << 1 << QStringLiteral("db") << QStringLiteral("mutable")
                            << QJsonValue(false) << false << 0 << 1 << 1;
        QTest::addRow("cache") << 0 << 2 << QStringLiteral("cache") << QStringLiteral("undetermined")
                               << QJsonValue(QJsonValue::Null) << false << 0 << 0 << 1;
        QTest::addRow("job") << 0 << 3 << QStringLiteral("job") << QStringLiteral("immutable")
                             << QJsonValue(true) << false << 0 << 0 << 0;
        QTest::addRow("k8s app") << 1 << 0 << QStringLiteral("app") << QStringLiteral("mutable")
                                 << QJsonValue(false) << true << 1 << 0 << 1;
    }
    void workloads()
    {
        QFETCH(int, file);
        QFETCH(int, index);
        QFETCH(QString, name);
        QFETCH(QString, status);
        QFETCH(QJsonValue, readOnly);
        QFETCH(bool, exempt);
        QFETCH(int, inMemory);
        QFETCH(int, persistent);
        QFETCH(int, findings);
        const QJsonObject w = report()
                                  .value(QStringLiteral("files"))[file]
                                  .toObject()
                                  .value(QStringLiteral("workloads"))[index]
                                  .toObject();
        QCOMPARE(w.value(QStringLiteral("name")).toString(), name);
        QCOMPARE(w.value(QStringLiteral("status")).toString(), status);
        QVERIFY(w.contains(QStringLiteral("readOnly"))); // present even when null
        QCOMPARE(w.value(QStringLiteral("readOnly")), readOnly);
        QCOMPARE(w.value(QStringLiteral("exempt")).toBool(), exempt);
        QCOMPARE(w.value(QStringLiteral("inMemoryPaths")).toArray().size(), inMemory);
        QCOMPARE(w.value(QStringLiteral("persistentPaths")).toArray().size(), persistent);
        QCOMPARE(w.value(QStringLiteral("findings")).toArray().size(), findings);
    }

    void pathAndFindingFields()
    {
        const QJsonObject files0 = report().value(QStringLiteral("files"))[0].toObject();
        const QJsonArray ws = files0.value(QStringLiteral("workloads")).toArray();
        const QJsonObject tmpfs = ws[0].toObject().value(QStringLiteral("inMemoryPaths"))[0].toObject();
        QCOMPARE(tmpfs.value(QStringLiteral("target")).toString(), QStringLiteral("/var/run"));
        QCOMPARE(tmpfs.value(QStringLiteral("kind")).toString(), pathKindName(PathKind::TmpfsShort));
        QCOMPARE(tmpfs.value(QStringLiteral("size")).toString(), QStringLiteral("16m"));
        QCOMPARE(tmpfs.value(QStringLiteral("uid")).toInt(), 33);
        QVERIFY(tmpfs.value(QStringLiteral("gid")).isNull());
        QCOMPARE(tmpfs.value(QStringLiteral("options")).toString(), QStringLiteral("uid=33,size=16m"));
        QCOMPARE(tmpfs.value(QStringLiteral("line")).toInt(), 6);

        const QJsonObject f = ws[1].toObject().value(QStringLiteral("findings"))[0].toObject();
        QCOMPARE(f.value(QStringLiteral("rule")).toString(), QStringLiteral("DB001"));
        QCOMPARE(f.value(QStringLiteral("severity")).toString(), severityName(Severity::Error));
        QCOMPARE(f.value(QStringLiteral("message")).toString(),
                 QStringLiteral("root filesystem is writable"));
        QCOMPARE(f.value(QStringLiteral("line")).toInt(), 8);
        QCOMPARE(f.value(QStringLiteral("column")).toInt(), 3);
        QCOMPARE(f.value(QStringLiteral("hint")).toString(), QStringLiteral("add read_only: true"));

        const QJsonObject app = report()
                                    .value(QStringLiteral("files"))[1]
                                    .toObject()
                                    .value(QStringLiteral("workloads"))[0]
                                    .toObject();
        QCOMPARE(app.value(QStringLiteral("object")).toString(), QStringLiteral("Deployment/prod/app"));
        QCOMPARE(app.value(QStringLiteral("kind")).toString(), QStringLiteral("Deployment"));
        QCOMPARE(app.value(QStringLiteral("exemption"))[QStringLiteral("tool")].toString(),
                 QStringLiteral("kube-linter"));
    }

    void notes()
    {
        Analysis a;
        a.path = QStringLiteral("dup.yml");
        a.format = FileFormat::ComposeSpec;
        Diagnostic d;
        d.severity = Severity::Warning;
        d.rule = QStringLiteral("parse");
        d.message = QStringLiteral("duplicate key 'read_only' in one mapping");
        d.line = 5;
        d.column = 5;
        a.notes.append(d);
        const QJsonObject file =
            expectedJsonReport({a}).value(QStringLiteral("files")).toArray()[0].toObject();
        const QJsonArray notes = file.value(QStringLiteral("notes")).toArray();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0].toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(notes[0].toObject().value(QStringLiteral("line")).toInt(), 5);
        QCOMPARE(notes[0].toObject().value(QStringLiteral("message")).toString(), d.message);
    }

    void summary()
    {
        const QJsonObject s = report().value(QStringLiteral("summary")).toObject();
        QCOMPARE(s.value(QStringLiteral("files")).toInt(), 4);
        QCOMPARE(s.value(QStringLiteral("skippedFiles")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("failedFiles")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("workloads")).toInt(), 5);
        QCOMPARE(s.value(QStringLiteral("immutable")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("immutableWithExceptions")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("mutable")).toInt(), 2);
        QCOMPARE(s.value(QStringLiteral("undetermined")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("exempt")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("errors")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("warnings")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("notes")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestJsonReport)
#include "tst_jsonreport.moc"
