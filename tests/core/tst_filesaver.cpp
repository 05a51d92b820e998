// Saving: atomic, permissions kept, symlinks kept, refusing to overwrite changes made on
// disk, and leaving the original intact whenever a save fails.
#include "io/filesaver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace deadbolt;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

bool run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

const std::string Edited = "services:\n  web:\n    image: nginx\n    read_only: true\n";
const QByteArray Original = "services:\n  web:\n    image: nginx\n";

} // namespace

class TestFileSaver : public QObject
{
    Q_OBJECT
private slots:
    void savesAndKeepsPermissions();
    void symlinkStaysASymlink();
    void refusesWhenChangedOnDisk();
    void removedSinceRead();
    void replacedByAFolder();
    void readOnlyFolder();
    void permissionDenied();
    void diskFull();

private:
    QTemporaryDir m_dir;
};

void TestFileSaver::savesAndKeepsPermissions()
{
    const QString path = m_dir.filePath(QStringLiteral("a.yaml"));
    writeAll(path, Original);
    const auto perms = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup;
    QVERIFY(QFile::setPermissions(path, perms));
    SaveOptions options;
    options.expectedFingerprint = contentFingerprint(Original.toStdString());
    const SaveResult r = saveFile(path, Edited, options);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(readAll(path), QByteArray::fromStdString(Edited));
    // Owner, group and other bits (the "user" bits depend on who runs the test).
    const auto mask = QFileDevice::Permissions::fromInt(0x7077);
    QCOMPARE(QFileInfo(path).permissions() & mask, QFileDevice::Permissions(perms) & mask);
    QCOMPARE(r.fingerprint, contentFingerprint(Edited));
    // No temporary file is left behind.
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("a.yaml")});
}

void TestFileSaver::symlinkStaysASymlink()
{
    QDir(m_dir.path()).mkdir(QStringLiteral("real"));
    const QString target = m_dir.filePath(QStringLiteral("real/compose.yaml"));
    const QString link = m_dir.filePath(QStringLiteral("link.yaml"));
    writeAll(target, Original);
    QVERIFY(QFile::link(QStringLiteral("real/compose.yaml"), link));
    SaveOptions options;
    options.expectedFingerprint = contentFingerprint(Original.toStdString());
    const SaveResult r = saveFile(link, Edited, options);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(QFileInfo(r.writtenPath).canonicalFilePath(), QFileInfo(target).canonicalFilePath());
    QCOMPARE(readAll(target), QByteArray::fromStdString(Edited));
}

void TestFileSaver::refusesWhenChangedOnDisk()
{
    const QString path = m_dir.filePath(QStringLiteral("changed.yaml"));
    writeAll(path, Original);
    const QByteArray read = contentFingerprint(Original.toStdString());
    const QByteArray someoneElse = Original + "# edited elsewhere\n";
    writeAll(path, someoneElse);

    SaveOptions options;
    options.expectedFingerprint = read;
    SaveResult r = saveFile(path, Edited, options);
    QVERIFY(!r.ok);
    QVERIFY(r.changedOnDisk);
    QVERIFY2(r.error.contains(QLatin1String("changed on disk")), qPrintable(r.error));
    QCOMPARE(readAll(path), someoneElse);

    options.force = true;
    r = saveFile(path, Edited, options);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(readAll(path), QByteArray::fromStdString(Edited));
}

void TestFileSaver::removedSinceRead()
{
    const QString path = m_dir.filePath(QStringLiteral("removed.yaml"));
    writeAll(path, Original);
    SaveOptions options;
    options.expectedFingerprint = contentFingerprint(Original.toStdString());
    QVERIFY(QFile::remove(path));

    SaveResult r = saveFile(path, Edited, options);
    QVERIFY(!r.ok);
    QVERIFY(r.changedOnDisk);
    QVERIFY2(r.error.contains(QLatin1String("removed or renamed")), qPrintable(r.error));
    QVERIFY(!QFileInfo::exists(path));

    // The user insists: the file is written again.
    options.force = true;
    r = saveFile(path, Edited, options);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(readAll(path), QByteArray::fromStdString(Edited));
}

void TestFileSaver::replacedByAFolder()
{
    const QString path = m_dir.filePath(QStringLiteral("now-a-folder.yaml"));
    writeAll(path, Original);
    SaveOptions options;
    options.expectedFingerprint = contentFingerprint(Original.toStdString());
    QVERIFY(QFile::remove(path));
    QVERIFY(QDir().mkpath(path));
    writeAll(path + QStringLiteral("/inside.txt"), "kept");

    // Refused with and without the change check, and even when forced: the folder and what
    // it holds stay as they are, and no temporary file is left beside it.
    for (bool force : {false, true}) {
        options.force = force;
        for (const SaveOptions &o : {options, SaveOptions{}}) {
            const SaveResult r = saveFile(path, Edited, o);
            QVERIFY(!r.ok);
            QVERIFY2(r.error.contains(QLatin1String("is a folder")), qPrintable(r.error));
        }
    }
    QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(readAll(path + QStringLiteral("/inside.txt")), QByteArray("kept"));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("now-a-folder*")}, QDir::AllEntries),
             QStringList{QStringLiteral("now-a-folder.yaml")});
}

void TestFileSaver::readOnlyFolder()
{
    const QString dir = m_dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QStringLiteral("/compose.yaml");
    writeAll(path, Original);
    // Root ignores permission bits, so make the folder immutable instead (chattr +i).
    const bool root = ::geteuid() == 0;
    if (root) {
        if (!run(QStringLiteral("chattr"), {QStringLiteral("+i"), dir}))
            QSKIP("running as root and chattr +i is not available here: cannot make a folder read-only");
    } else {
        QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    }
    const SaveResult r = saveFile(path, Edited);
    if (root)
        run(QStringLiteral("chattr"), {QStringLiteral("-i"), dir});
    else
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(path), qPrintable(r.error));
    QCOMPARE(readAll(path), Original);
}

void TestFileSaver::permissionDenied()
{
    // A file that may not be replaced: immutable for root, in a folder without write
    // permission otherwise. A folder replaced by a file shows the same path of failure.
    const QString path = m_dir.filePath(QStringLiteral("denied.yaml"));
    writeAll(path, Original);
    const bool root = ::geteuid() == 0;
    if (root) {
        if (!run(QStringLiteral("chattr"), {QStringLiteral("+i"), path}))
            QSKIP("running as root and chattr +i is not available here: cannot deny a write");
    } else {
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner));
    }
    const SaveResult r = saveFile(path, Edited);
    if (root)
        run(QStringLiteral("chattr"), {QStringLiteral("-i"), path});
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("cannot save")), qPrintable(r.error));
    QCOMPARE(readAll(path), Original);

    const QString notADir = m_dir.filePath(QStringLiteral("file-not-dir"));
    writeAll(notADir, "x");
    const SaveResult r2 = saveFile(notADir + QStringLiteral("/compose.yaml"), Edited);
    QVERIFY(!r2.ok);
    QVERIFY(!r2.error.isEmpty());
    QCOMPARE(readAll(notADir), QByteArray("x"));
}

void TestFileSaver::diskFull()
{
    if (::geteuid() != 0)
        QSKIP("needs root to mount a small tmpfs as a full disk");
    const QString mount = m_dir.filePath(QStringLiteral("small"));
    QVERIFY(QDir().mkpath(mount));
    if (!run(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                       QStringLiteral("size=64k"), QStringLiteral("tmpfs"), mount}))
        QSKIP("cannot mount a tmpfs here (no CAP_SYS_ADMIN): the disk-full case is not exercised");
    const QString path = mount + QStringLiteral("/compose.yaml");
    const QByteArray original = Original + QByteArray(30000, '#') + "\n";
    writeAll(path, original);
    const std::string huge = Edited + std::string(200000, '#');
    const SaveResult r = saveFile(path, huge);
    const QByteArray after = readAll(path);
    const QStringList left = QDir(mount).entryList(QDir::Files);
    run(QStringLiteral("umount"), {mount});
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("cannot save")), qPrintable(r.error));
    QCOMPARE(after, original);
    QCOMPARE(left, QStringList{QStringLiteral("compose.yaml")});
}

QTEST_GUILESS_MAIN(TestFileSaver)
#include "tst_filesaver.moc"
