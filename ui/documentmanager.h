#pragma once

#include <QList>
#include <QObject>

class QFileSystemWatcher;
class QUndoGroup;

namespace deadbolt {

class Document;

// The open documents' lifecycle in one place (as Tiled's DocumentManager): it opens and
// closes them, owns them, keeps the undo group whose active stack the Undo and Redo actions
// follow, and watches their files on disk for them. The main window and the views observe
// it; none of them owns a document.
class DocumentManager : public QObject
{
    Q_OBJECT
public:
    explicit DocumentManager(QObject *parent = nullptr);
    ~DocumentManager() override;

    // The open document of this file, or a new one read from it (nullptr and *error when it
    // cannot be read). A new one is announced with documentOpened.
    Document *open(const QString &path, QString *error);
    Document *find(const QString &path) const;
    const QList<Document *> &documents() const { return m_documents; }
    // Forgets the document (documentClosed first) and deletes it once control returns to the
    // event loop, so that views still holding it during the signal are safe.
    void close(Document *document);

    QUndoGroup *undoGroup() const { return m_undoGroup; }
    void setCurrent(Document *document);
    Document *current() const { return m_current; }

signals:
    void documentOpened(deadbolt::Document *document);
    void documentClosed(deadbolt::Document *document);
    // Its name, path or modified state changed: titles and tabs follow.
    void documentChanged(deadbolt::Document *document);

private:
    void watch(Document *document, const QString &path);
    void fileChanged(const QString &path);

    QList<Document *> m_documents;
    Document *m_current = nullptr;
    QUndoGroup *m_undoGroup;
    QFileSystemWatcher *m_watcher;
};

} // namespace deadbolt
