// Faults on save, in the editor (issue 6): whatever happens to the file behind the editor's
// back, the file is never damaged, the user's text stays in the editor and the window says
// why the save did not happen.
#include "panels/inspectorpanel.h"
#include "views/banner.h"
#include "windowfixture.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>

#include <unistd.h>

using namespace deadbolt;

namespace {

bool run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

const std::string Theirs = "services:\n  theirs:\n    image: x\n";

} // namespace

class tst_SaveFaults : public QObject, protected testing::WindowFixture
{
    Q_OBJECT
private slots:
    void initTestCase() { enterTestMode(); }
    void init() { QVERIFY(openWindow()); }
    void cleanup() { closeWindow(); }
    void replacedByAFolder();
    void removedWhileOpen();
    void writtenAtTheMomentOfSaving();
    void keepMineCoversOnlyWhatWasSeen();
    void readOnlyFile();
    void symlinkIsKept();
    void diskFull();

private:
    // Opens a copy of the nginx + postgres sample and makes db read-only: unsaved edits.
    DocumentView *openEdited(const QString &path);
    bool save() { return m_window->save(m_window->currentView()); }
    // Presses the disk banner's Keep mine; false when the banner does not offer it.
    static bool clickKeepMine(DocumentView *view)
    {
        auto *keep = view->diskBanner()->findChild<QPushButton *>(QStringLiteral("bannerKeepMine"));
        if (!keep || !keep->isVisible())
            return false;
        QTest::mouseClick(keep, Qt::LeftButton);
        return true;
    }
    // The save was refused: the error is in the window, the edits are still in the editor.
    void checkRefusedAndKept(DocumentView *view, const std::string &mine, const QString &reason);
};

DocumentView *tst_SaveFaults::openEdited(const QString &path)
{
    DocumentView *view = open(path);
    if (!view)
        return nullptr;
    select(view, QStringLiteral("db"));
    QTest::mouseClick(view->inspector()->readOnlySwitch(), Qt::LeftButton);
    return view->document()->isModified() ? view : nullptr;
}

void tst_SaveFaults::checkRefusedAndKept(DocumentView *view, const std::string &mine, const QString &reason)
{
    QVERIFY(view->errorBanner()->isVisible());
    QVERIFY2(view->errorBanner()->text().contains(reason), qPrintable(view->errorBanner()->text()));
    QCOMPARE(view->document()->text(), mine);
    QVERIFY(view->document()->isModified());
    QVERIFY(m_window->tabs()->tabText(0).endsWith(QLatin1Char('*')));
}

void tst_SaveFaults::replacedByAFolder()
{
    const QString path = copySample(QStringLiteral("nginx-postgres.yml"));
    DocumentView *view = openEdited(path);
    QVERIFY(view);
    const std::string mine = view->document()->text();
    QVERIFY(QFile::remove(path));
    QVERIFY(QDir().mkpath(path));
    QVERIFY(writeFile(path + QStringLiteral("/inside.txt"), "kept"));
    QTRY_VERIFY_WITH_TIMEOUT(view->diskBanner()->isVisible(), 10000);
    QVERIFY2(view->diskBanner()->text().contains(QLatin1String("replaced by a folder")),
             qPrintable(view->diskBanner()->text()));

    QVERIFY(!save());
    checkRefusedAndKept(view, mine, QStringLiteral("is a folder"));
    QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(readFile(path + QStringLiteral("/inside.txt")), std::string("kept"));

    // Save As somewhere else keeps the work.
    const QString elsewhere = m_dir->filePath(QStringLiteral("rescued.yml"));
    QVERIFY(m_window->saveAs(view, elsewhere));
    QCOMPARE(readFile(elsewhere), mine);
    QVERIFY(!view->document()->isModified());
}

void tst_SaveFaults::removedWhileOpen()
{
    const QString path = copySample(QStringLiteral("nginx-postgres.yml"));
    DocumentView *view = openEdited(path);
    QVERIFY(view);
    const std::string mine = view->document()->text();
    QVERIFY(QFile::remove(path));
    QTRY_VERIFY_WITH_TIMEOUT(view->diskBanner()->isVisible(), 10000);
    QVERIFY2(view->diskBanner()->text().contains(QLatin1String("removed or renamed")),
             qPrintable(view->diskBanner()->text()));

    QVERIFY(!save());
    checkRefusedAndKept(view, mine, QStringLiteral("removed or renamed"));
    QVERIFY(!QFileInfo::exists(path));

    // Keep mine, then save: the file is written again.
    QVERIFY(clickKeepMine(view));
    QVERIFY(save());
    QCOMPARE(readFile(path), mine);
    QVERIFY(!view->document()->isModified());
}

void tst_SaveFaults::writtenAtTheMomentOfSaving()
{
    // Another program writes the file just before the save, too late for the file watcher
    // to have said so: the check inside the save still sees it.
    const QString path = copySample(QStringLiteral("nginx-postgres.yml"));
    DocumentView *view = openEdited(path);
    QVERIFY(view);
    const std::string mine = view->document()->text();
    QVERIFY(writeFile(path, Theirs));
    QVERIFY(!view->diskBanner()->isVisible()); // no event handled yet
    QVERIFY(!save());
    checkRefusedAndKept(view, mine, QStringLiteral("changed on disk"));
    QCOMPARE(readFile(path), Theirs);
    QVERIFY(view->diskBanner()->isVisible()); // Reload or Keep mine
}

// Keep mine overrides the removal the user saw, not a file put back afterwards (a branch
// switch, say), of which no watcher event may arrive while the path is missing.
void tst_SaveFaults::keepMineCoversOnlyWhatWasSeen()
{
    const QString path = copySample(QStringLiteral("nginx-postgres.yml"));
    DocumentView *view = openEdited(path);
    QVERIFY(view);
    const std::string mine = view->document()->text();
    QVERIFY(QFile::remove(path));
    QTRY_VERIFY_WITH_TIMEOUT(view->diskBanner()->isVisible(), 10000);
    QVERIFY(clickKeepMine(view));
    QVERIFY(writeFile(path, Theirs)); // put back by someone else
    QVERIFY(!save());
    checkRefusedAndKept(view, mine, QStringLiteral("changed on disk again"));
    QCOMPARE(readFile(path), Theirs);
    QVERIFY(view->diskBanner()->isVisible());

    // Keep mine again, now over their file: the save goes through.
    QVERIFY(clickKeepMine(view));
    QVERIFY(save());
    QCOMPARE(readFile(path), mine);
}

void tst_SaveFaults::readOnlyFile()
{
    const QString path = copySample(QStringLiteral("nginx-postgres.yml"));
    const std::string original = readFile(path);
    DocumentView *view = openEdited(path);
    QVERIFY(view);
    const std::string mine = view->document()->text();
    // Root ignores permission bits: make the folder immutable instead (chattr +i).
    const bool root = ::geteuid() == 0;
    if (root && !run(QStringLiteral("chattr"), {QStringLiteral("+i"), m_dir->path()}))
        QSKIP("running as root and chattr +i is not available here: cannot make a folder read-only");
    if (!root)
        QVERIFY(QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const bool saved = save();
    if (root)
        run(QStringLiteral("chattr"), {QStringLiteral("-i"), m_dir->path()});
    else
        QFile::setPermissions(m_dir->path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(!saved);
    checkRefusedAndKept(view, mine, QStringLiteral("cannot save"));
    QCOMPARE(readFile(path), original);
}

void tst_SaveFaults::symlinkIsKept()
{
    const QString target = copySample(QStringLiteral("nginx-postgres.yml"));
    const QString link = m_dir->filePath(QStringLiteral("link.yml"));
    QVERIFY(QFile::link(target, link));
    DocumentView *view = openEdited(link);
    QVERIFY(view);
    QVERIFY(save());
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(readFile(target), view->document()->text());
}

void tst_SaveFaults::diskFull()
{
    if (::geteuid() != 0)
        QSKIP("needs root to mount a small tmpfs as a full disk");
    const QString mount = m_dir->filePath(QStringLiteral("small"));
    QVERIFY(QDir().mkpath(mount));
    if (!run(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                       QStringLiteral("size=64k"), QStringLiteral("tmpfs"), mount}))
        QSKIP("cannot mount a tmpfs here (no CAP_SYS_ADMIN): the disk-full case is not exercised");
    // The sample, padded with a comment so that the original and the new copy cannot both fit.
    const QString path = mount + QStringLiteral("/compose.yml");
    const std::string original =
        readFile(copySample(QStringLiteral("nginx-postgres.yml"))) + "# " + std::string(40000, 'x') + "\n";
    const bool written = writeFile(path, original);
    DocumentView *view = written ? openEdited(path) : nullptr;
    const std::string mine = view ? view->document()->text() : std::string();
    const bool saved = view && save();
    const bool kept = view && view->document()->text() == mine && view->document()->isModified() &&
                      view->errorBanner()->text().contains(QLatin1String("cannot save"));
    const std::string after = readFile(path);
    const QStringList left = QDir(mount).entryList(QDir::Files);
    if (view) {
        view->document()->undoStack()->setClean();
        m_window->closeView(view); // let go of the file before unmounting
    }
    run(QStringLiteral("umount"), {mount});
    QVERIFY(written && view);
    QVERIFY(!saved);
    QCOMPARE(after, original);
    QCOMPARE(left, QStringList{QStringLiteral("compose.yml")});
    QVERIFY(kept);
}

QTEST_MAIN(tst_SaveFaults)
#include "tst_savefaults.moc"
