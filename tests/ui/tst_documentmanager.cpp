// DocumentManager: one document per file, the undo group following the current one, closing
// announced before the document goes, and the files watched on disk for the documents.
#include "document.h"
#include "documentmanager.h"

#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoGroup>

using namespace deadbolt;

namespace {

bool write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class tst_DocumentManager : public QObject
{
    Q_OBJECT
private slots:
    void opensEachFileOnce();
    void closeAnnouncesThenDeletes();
    void watchesTheFiles();
    void unreadableFileIsAnError();
};

void tst_DocumentManager::opensEachFileOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.yml"));
    QVERIFY(write(path, "services:\n  web:\n    image: nginx\n"));
    DocumentManager manager;
    QSignalSpy opened(&manager, &DocumentManager::documentOpened);
    QString error;
    Document *a = manager.open(path, &error);
    QVERIFY2(a, qPrintable(error));
    QCOMPARE(manager.open(path, &error), a);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(manager.find(path), a);
    manager.setCurrent(a);
    QCOMPARE(manager.undoGroup()->activeStack(), a->undoStack());
}

void tst_DocumentManager::closeAnnouncesThenDeletes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.yml"));
    QVERIFY(write(path, "services:\n  web:\n    image: nginx\n"));
    DocumentManager manager;
    QString error;
    QPointer<Document> a = manager.open(path, &error);
    QVERIFY(a);
    bool aliveWhenAnnounced = false;
    connect(&manager, &DocumentManager::documentClosed, this,
            [&](Document *d) { aliveWhenAnnounced = d == a && !a.isNull(); });
    manager.close(a);
    QVERIFY(aliveWhenAnnounced);
    QVERIFY(manager.documents().isEmpty());
    QVERIFY(!manager.find(path));
    QTRY_VERIFY(a.isNull()); // deleted once the event loop runs
}

void tst_DocumentManager::watchesTheFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.yml"));
    QVERIFY(write(path, "services:\n  web:\n    image: nginx\n"));
    DocumentManager manager;
    QString error;
    Document *a = manager.open(path, &error);
    QVERIFY(a);
    // Unmodified in the editor: a change on disk is read in.
    QVERIFY(write(path, "services:\n  web:\n    image: nginx:1.25\n"));
    QTRY_VERIFY_WITH_TIMEOUT(a->text().find("nginx:1.25") != std::string::npos, 10000);
    // With edits of its own, the document says the file changed instead.
    a->editText("services:\n  web:\n    image: nginx:1.26\n");
    QVERIFY(write(path, "services:\n  web:\n    image: nginx:1.27\n"));
    QTRY_VERIFY_WITH_TIMEOUT(a->changedOnDisk(), 10000);
    QVERIFY(a->text().find("nginx:1.26") != std::string::npos);
}

void tst_DocumentManager::unreadableFileIsAnError()
{
    DocumentManager manager;
    QString error;
    QVERIFY(!manager.open(QStringLiteral("/nonexistent/x.yml"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(manager.documents().isEmpty());
}

QTEST_MAIN(tst_DocumentManager)
#include "tst_documentmanager.moc"
