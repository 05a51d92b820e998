#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeView;

namespace deadbolt {

class Document;
class WorkloadFilterModel;
class WorkloadListModel;

// The workload list of one document: filter by text and status, the summary
// ("5 of 7 workloads immutable"), and the selection, which it keeps across re-analysis
// by workload key.
class WorkloadPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WorkloadPanel(Document *document, QWidget *parent = nullptr);

    WorkloadListModel *model() const { return m_model; }
    WorkloadFilterModel *filterModel() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    QString selectedKey() const { return m_selectedKey; }
    QString summaryText() const;
    // Turns the workload at `index` (of the view's model) read-only or back, through the
    // model's ReadOnlyRole: one undoable edit. False for a group row or a refused edit.
    bool toggleReadOnly(const QModelIndex &index);

public slots:
    void selectWorkload(const QString &key);

signals:
    void workloadSelected(const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitNameColumn();
    void modelReset();
    void currentChanged();
    void updateSummary();

    Document *m_document;
    WorkloadListModel *m_model;
    WorkloadFilterModel *m_filter;
    QLineEdit *m_text;
    QComboBox *m_status;
    QLabel *m_summary;
    QTreeView *m_view;
    QString m_selectedKey;
    bool m_restoring = false;
};

} // namespace deadbolt
