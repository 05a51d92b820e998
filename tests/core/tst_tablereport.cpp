#include "report/tablereport.h"

#include "reportfixture.h"

#include <QFile>
#include <QTest>

using namespace deadbolt;
using namespace deadbolt::testing;

// Golden files under tests/data/tablereport/. Set DEADBOLT_UPDATE_GOLDEN=1 to rewrite them
// after an intended change, then review the diff.
class TestTableReport : public QObject
{
    Q_OBJECT

private slots:
    void golden_data()
    {
        QTest::addColumn<QVector<Analysis>>("analyses");
        QTest::addRow("compose") << QVector<Analysis>{composeAnalysis()};
        QTest::addRow("kubernetes-exempt") << QVector<Analysis>{kubernetesAnalysis()};
        QTest::addRow("broken") << QVector<Analysis>{brokenAnalysis()};
        QTest::addRow("several-files")
            << QVector<Analysis>{composeAnalysis(), skippedAnalysis(), brokenAnalysis()};
    }
    void golden()
    {
        QFETCH(QVector<Analysis>, analyses);
        const QString actual = tableReport(analyses);
        const QString path = QStringLiteral(DEADBOLT_TESTDATA "/tablereport/%1.txt")
                                 .arg(QLatin1String(QTest::currentDataTag()));
        QFile f(path);
        if (qEnvironmentVariableIsSet("DEADBOLT_UPDATE_GOLDEN")) {
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(actual.toUtf8());
            return;
        }
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        QCOMPARE(actual, QString::fromUtf8(f.readAll()));
    }

    void summaryLineCountsReadOnlyWorkloads()
    {
        const QString text = tableReport(composeAnalysis());
        QVERIFY2(
            text.contains(QStringLiteral("2 of 4 workloads immutable (1 with exceptions), 1 undetermined")),
            qPrintable(text));
    }

    void findingsCarryLineColumnAndHint()
    {
        const QString text = tableReport(composeAnalysis());
        QVERIFY2(text.contains(QStringLiteral("8:3  error  DB001  db: root filesystem is writable")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("hint: add read_only: true")), qPrintable(text));
    }

    void noTrailingSpaces()
    {
        const QStringList lines =
            tableReport({composeAnalysis(), kubernetesAnalysis()}).split(QLatin1Char('\n'));
        for (const QString &line : lines)
            QVERIFY2(!line.endsWith(QLatin1Char(' ')), qPrintable(line));
    }

    // The CLI writes a long table in parts; each is whole UTF-8 and together they are the text.
    void longTableComesInWholeParts()
    {
        Analysis big = kubernetesAnalysis();
        const Workload model = big.workloads.first();
        for (int i = 0; i < 3000; ++i) {
            Workload w = model;
            w.name = QStringLiteral("café-%1").arg(i);
            w.findings.clear(); // one row each, no detail lines
            big.workloads.append(w);
        }
        QVector<QByteArray> parts;
        writeTableReport({big, composeAnalysis()}, [&](const QByteArray &part) { parts.append(part); });
        QVERIFY2(parts.size() > 2, qPrintable(QString::number(parts.size())));
        QByteArray joined;
        for (const QByteArray &part : parts) {
            QVERIFY(!QString::fromUtf8(part).contains(QChar::ReplacementCharacter));
            joined += part;
        }
        const QString text = tableReport({big, composeAnalysis()});
        QCOMPARE(QString::fromUtf8(joined), text);
        QCOMPARE(text.count(QStringLiteral("café-")), 3000);
        QVERIFY(text.contains(QStringLiteral("café-2999")));
    }
};

QTEST_GUILESS_MAIN(TestTableReport)
#include "tst_tablereport.moc"
