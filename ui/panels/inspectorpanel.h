#pragma once

#include "edit/editresult.h"
#include "model/workload.h"

#include <QWidget>

class QCheckBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QRadioButton;
class QScrollArea;
class QTableWidget;
class QVBoxLayout;

namespace deadbolt {

class Document;
class EditController;
class PathForm;

// Everything about the selected workload, and the forms that change it. It never edits
// the text: each control asks the EditController, whose command goes on the undo stack;
// the inspector then shows the new analysis like everyone else.
class InspectorPanel : public QWidget
{
    Q_OBJECT
public:
    InspectorPanel(Document *document, EditController *edits, QWidget *parent = nullptr);

    void setWorkload(const QString &key);
    QString workload() const { return m_key; }

    QCheckBox *readOnlySwitch() const { return m_readOnly; }
    PathForm *pathForm() const { return m_form; }
    QTableWidget *inMemoryTable() const { return m_inMemory; }
    Target target() const;

private:
    void refresh();
    void fillFindings(const Workload &w);
    void pathRowSelected();

    Document *m_document;
    EditController *m_edits;
    QString m_key;
    QLabel *m_title, *m_subtitle, *m_status, *m_rootNote, *m_editBlocked;
    QCheckBox *m_readOnly;
    QGroupBox *m_targetBox;
    QRadioButton *m_targetWorkload, *m_targetShared;
    QLabel *m_sharedBy = nullptr;
    QTableWidget *m_inMemory;
    PathForm *m_form;
    QPushButton *m_learn = nullptr;
    QListWidget *m_persistent;
    QWidget *m_findings;
    QVBoxLayout *m_findingsLayout;
    QWidget *m_content;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_empty;
};

} // namespace deadbolt
