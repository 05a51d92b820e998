#pragma once

#include <QMainWindow>

class QAction;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace deadbolt {

class Document;
class DocumentManager;
class DocumentView;
class ProjectWindow;
class WelcomePage;

// The window: tabs of documents (or the welcome page), the menus and tool bar, recent
// files, drag and drop, and the questions asked on close. It observes the DocumentManager,
// which owns the documents, their undo group and the watching of their files; the panels of
// a document are in DocumentView, the edits in EditController.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or switches to) the file; errors go to the window, never a crash.
    DocumentView *openFile(const QString &path);
    DocumentView *currentView() const;
    // Opens a Compose project (a folder, or its -f files in order) in a window of its own.
    ProjectWindow *openProject(const QStringList &files);
    QTabWidget *tabs() const { return m_tabs; }
    DocumentManager *documents() const { return m_documents; }
    QAction *action(const QString &objectName) const;

    bool save(DocumentView *view);
    bool saveAs(DocumentView *view, const QString &path = {});
    // Asks about unsaved changes; returns false when the user cancels.
    bool closeView(DocumentView *view);
    // Make every workload read-only after showing the diff; `confirm` false skips the
    // dialog (tests, and the command it is there to preview is the same).
    bool makeAllImmutable(bool confirm = true);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void updateActions();
    void updateTitle();
    void fillRecentMenu();
    void showMessage(const QString &message);
    DocumentView *viewOf(const Document *document) const;
    void addView(Document *document);

    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    QTabWidget *m_tabs;
    DocumentManager *m_documents;
    QMenu *m_recentMenu = nullptr;
    QList<QAction *> m_documentActions;
};

} // namespace deadbolt
