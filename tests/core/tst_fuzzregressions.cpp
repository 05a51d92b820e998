// Replays every input the fuzzers ever broke (tests/data/fuzz/) through the fuzz targets'
// properties, so a fixed crash stays fixed without a fuzzing run.
#include "fuzzchecks.h"

#include <QDirIterator>
#include <QtTest>

class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private slots:
    void replay_data();
    void replay();
};

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator it(QStringLiteral(DEADBOLT_TESTDATA "/fuzz"), QDir::Files);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &f : files)
        QTest::addRow("%s", qPrintable(QFileInfo(f).fileName())) << f;
    if (files.isEmpty())
        QTest::addRow("none") << QString();
}

void TestFuzzRegressions::replay()
{
    QFETCH(QString, path);
    if (path.isEmpty())
        QSKIP("tests/data/fuzz holds no crashers yet");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const std::string bytes = f.readAll().toStdString();
    QCOMPARE(deadbolt::fuzz::checkAnalyze(bytes), QString());
    QCOMPARE(deadbolt::fuzz::checkReports(bytes), QString());
    QCOMPARE(deadbolt::fuzz::checkEdits(bytes), QString());
    QCOMPARE(deadbolt::fuzz::checkShownEdit(bytes), QString());
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
