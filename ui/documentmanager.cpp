#include "documentmanager.h"

#include "document.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QUndoGroup>

namespace deadbolt {

DocumentManager::DocumentManager(QObject *parent)
    : QObject(parent), m_undoGroup(new QUndoGroup(this)), m_watcher(new QFileSystemWatcher(this))
{
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &DocumentManager::fileChanged);
}

DocumentManager::~DocumentManager()
{
    qDeleteAll(m_documents);
}

Document *DocumentManager::find(const QString &path) const
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (Document *d : m_documents)
        if (d->filePath() == absolute)
            return d;
    return nullptr;
}

Document *DocumentManager::open(const QString &path, QString *error)
{
    if (Document *known = find(path))
        return known;
    auto *document = new Document;
    if (!document->load(QFileInfo(path).absoluteFilePath(), error)) {
        delete document;
        return nullptr;
    }
    m_documents.append(document);
    m_undoGroup->addStack(document->undoStack());
    connect(document, &Document::watchRequested, this,
            [this, document](const QString &p) { watch(document, p); });
    connect(document, &Document::modifiedChanged, this, [this, document] { emit documentChanged(document); });
    connect(document, &Document::filePathChanged, this, [this, document] { emit documentChanged(document); });
    watch(document, document->filePath());
    emit documentOpened(document);
    return document;
}

void DocumentManager::close(Document *document)
{
    if (!m_documents.contains(document))
        return;
    emit documentClosed(document);
    m_documents.removeAll(document);
    m_undoGroup->removeStack(document->undoStack());
    if (m_current == document)
        m_current = nullptr;
    if (!document->filePath().isEmpty() && !find(document->filePath()))
        m_watcher->removePath(document->filePath());
    disconnect(document, nullptr, this, nullptr);
    document->deleteLater();
}

void DocumentManager::setCurrent(Document *document)
{
    m_current = document;
    m_undoGroup->setActiveStack(document ? document->undoStack() : nullptr);
}

void DocumentManager::watch(Document *document, const QString &path)
{
    Q_UNUSED(document);
    if (!path.isEmpty() && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
}

void DocumentManager::fileChanged(const QString &path)
{
    // Editors that save by rename make the watcher drop the path: watch it again.
    if (QFileInfo::exists(path))
        m_watcher->addPath(path);
    for (Document *d : std::as_const(m_documents))
        if (d->filePath() == path)
            d->noticeFileChanged(path);
}

} // namespace deadbolt
