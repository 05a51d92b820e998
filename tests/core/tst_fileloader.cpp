#include "io/fileloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace deadbolt;

class TestFileLoader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(bytes);
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void readsBytesExactly_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("lf") << QByteArray("services:\n  web:\n    image: nginx\n");
        QTest::addRow("crlf") << QByteArray("a: 1\r\nb: 2\r\n");
        QTest::addRow("bom") << QByteArray("\xEF\xBB\xBFkind: Pod\n");
        QTest::addRow("nul bytes") << QByteArray("a\0b", 3);
    }
    void readsBytesExactly()
    {
        QFETCH(QByteArray, bytes);
        const QString path =
            write(QStringLiteral("read/%1.yml").arg(QLatin1String(QTest::currentDataTag())), bytes);
        std::string got;
        QString error;
        QVERIFY2(readFileBytes(path, &got, &error), qPrintable(error));
        QCOMPARE(QByteArray::fromStdString(got), bytes);
        QVERIFY(error.isEmpty());
    }

    void reportsErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<QString>("expected");
        QTest::addRow("missing") << QStringLiteral("nope.yml") << MaxFileSize
                                 << QStringLiteral("no such file");
        QTest::addRow("directory") << QStringLiteral("adir") << MaxFileSize
                                   << QStringLiteral("is a directory");
        QTest::addRow("too large") << QStringLiteral("big.yml") << qint64(1024 * 1024)
                                   << QStringLiteral("larger than the limit of 1 MiB");
    }
    void reportsErrors()
    {
        QFETCH(QString, name);
        QFETCH(qint64, limit);
        QFETCH(QString, expected);
        QDir(m_dir.path()).mkpath(QStringLiteral("adir"));
        write(QStringLiteral("big.yml"), QByteArray(1024 * 1024 + 1, 'x'));
        const QString path = m_dir.filePath(name);
        std::string got = "stale";
        QString error;
        QVERIFY(!readFileBytes(path, &got, &error, limit));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.startsWith(path), qPrintable(error)); // the message names the file
    }

    void exactlyAtLimitIsRead()
    {
        const QString path = write(QStringLiteral("limit.yml"), QByteArray(4096, 'y'));
        std::string got;
        QString error;
        QVERIFY2(readFileBytes(path, &got, &error, 4096), qPrintable(error));
        QCOMPARE(got.size(), std::size_t(4096));
    }

    void permissionDenied()
    {
        if (::geteuid() == 0)
            QSKIP("running as root: file permissions do not deny reading");
        const QString path = write(QStringLiteral("secret.yml"), "a: 1\n");
        QFile::setPermissions(path, QFileDevice::Permissions());
        std::string got;
        QString error;
        QVERIFY(!readFileBytes(path, &got, &error));
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
    }

    void findsYamlRecursivelySortedSkippingHidden()
    {
        QTemporaryDir tree;
        auto put = [&](const QString &rel) {
            const QString p = tree.filePath(rel);
            QDir().mkpath(QFileInfo(p).absolutePath());
            QFile f(p);
            QVERIFY(f.open(QIODevice::WriteOnly));
        };
        put(QStringLiteral("b.yaml"));
        put(QStringLiteral("a.yml"));
        put(QStringLiteral("notes.txt"));
        put(QStringLiteral("compose.yml.bak"));
        put(QStringLiteral(".hidden.yml"));
        put(QStringLiteral(".git/config.yml"));
        put(QStringLiteral("k8s/z.yaml"));
        put(QStringLiteral("k8s/deep/x.yml"));
        const QStringList found = findYamlFiles(tree.path());
        QStringList relative;
        for (const QString &f : found)
            relative << QDir(tree.path()).relativeFilePath(f);
        QCOMPARE(relative, (QStringList{QStringLiteral("a.yml"), QStringLiteral("b.yaml"),
                                        QStringLiteral("k8s/z.yaml"), QStringLiteral("k8s/deep/x.yml")}));
    }

    void expandKeepsFilesAndExpandsDirectories()
    {
        QTemporaryDir tree;
        QFile f(tree.filePath(QStringLiteral("one.yml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const QStringList out =
            expandPaths({QStringLiteral("/no/such/file.yml"), tree.path(), QStringLiteral("explicit.txt")});
        QCOMPARE(out,
                 (QStringList{QStringLiteral("/no/such/file.yml"), tree.filePath(QStringLiteral("one.yml")),
                              QStringLiteral("explicit.txt")}));
    }
};

QTEST_GUILESS_MAIN(TestFileLoader)
#include "tst_fileloader.moc"
