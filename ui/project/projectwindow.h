#pragma once

#include "project/projectedit.h"

#include <QMainWindow>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace deadbolt {

class CodeEditor;
class ProjectDocument;

// A Compose project's window (File > Open Project): one list of the effective services of
// all its files, an inspector that says where each value is written and how it got there
// (own key, override file, extends, include), the files in tabs that the selection jumps to,
// and the choice of the file edits go into. Thin: ProjectDocument holds the texts and the
// history, core plans and verifies every edit.
class ProjectWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ProjectWindow(ProjectDocument *document, QWidget *parent = nullptr);
    ~ProjectWindow() override;

    ProjectDocument *document() const { return m_document; }
    QTreeWidget *workloadList() const { return m_list; }
    QTabWidget *fileTabs() const { return m_files; }
    QComboBox *targetChoice() const { return m_target; }
    QLabel *details() const { return m_details; }
    CodeEditor *editorOf(const QString &absolutePath) const;

    // The service shown in the inspector ("" none); selects it and jumps to its value.
    void selectWorkload(const QString &name);
    QString selectedWorkload() const;
    // Where edits go: the combo's entry; Override asks for nothing when a file is given.
    Placement placement() const;
    void setPlacement(const Placement &placement);
    bool save();
    // Makes the selected service read-only (or writable) with the placement chosen.
    bool setReadOnly(bool on);
    bool makeAllImmutable();
    // Opens `path` (a project file) at `line` in its tab.
    void showLocation(const QString &path, int line);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void refresh();
    void refreshTitle();
    void refreshList();
    void refreshFiles();
    void refreshTargets();
    void refreshInspector();
    void jumpToSelection();
    void showError(const QString &message);
    QString locationLink(const Location &at, const QString &origin) const;
    static QString originWords(Origin origin); // "own key", "override file"... (projectinspector.cpp)

    ProjectDocument *m_document;
    QLabel *m_banner;
    QTreeWidget *m_list;
    QLabel *m_title;
    QLabel *m_details;
    QPushButton *m_readOnly;
    QPushButton *m_writable;
    QTabWidget *m_files;
    QComboBox *m_target;
    QString m_overrideFile; // the override file chosen in the combo, once asked for
};

// Opens the project of `files` (one folder: its compose.yaml and override; else the -f
// files in order) in a window of its own; an error goes to a message box.
ProjectWindow *showProjectWindow(QWidget *parent, const QStringList &files);

} // namespace deadbolt
