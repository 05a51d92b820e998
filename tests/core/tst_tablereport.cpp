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
};

QTEST_GUILESS_MAIN(TestTableReport)
#include "tst_tablereport.moc"
