#pragma once

#include <QWidget>

class QProgressBar;
class QSplitter;
class QTabWidget;
class QUndoView;

namespace deadbolt {

class Banner;
class ChangesPanel;
class Document;
class EditController;
class InspectorPanel;
class WorkloadPanel;
class YamlPanel;

// One tab: a document with its list, inspector, YAML, changes and history, and the
// banners that speak for it. It wires the panels' selection together (list, cursor,
// inspector follow each other). The document belongs to the DocumentManager.
class DocumentView : public QWidget
{
    Q_OBJECT
public:
    explicit DocumentView(Document *document, QWidget *parent = nullptr);

    Document *document() const { return m_document; }
    EditController *edits() const { return m_edits; }
    WorkloadPanel *workloadPanel() const { return m_list; }
    InspectorPanel *inspector() const { return m_inspector; }
    YamlPanel *yamlPanel() const { return m_yaml; }
    ChangesPanel *changesPanel() const { return m_changes; }
    Banner *diskBanner() const { return m_diskBanner; }
    Banner *errorBanner() const { return m_errorBanner; }
    QTabWidget *textTabs() const { return m_textTabs; }
    QSplitter *splitter() const { return m_splitter; }

    void selectWorkload(const QString &key);
    void showError(const QString &message);

signals:
    void cancelLoadingRequested();

private:
    void changedOnDisk(bool changed);
    QString diskChangeMessage() const;
    void loadingChanged(bool loading);

    Document *m_document;
    EditController *m_edits;
    Banner *m_diskBanner;
    Banner *m_errorBanner;
    QWidget *m_loading;
    QProgressBar *m_progress;
    QSplitter *m_splitter;
    WorkloadPanel *m_list;
    InspectorPanel *m_inspector;
    QTabWidget *m_textTabs;
    YamlPanel *m_yaml;
    ChangesPanel *m_changes;
    QUndoView *m_history;
};

} // namespace deadbolt
