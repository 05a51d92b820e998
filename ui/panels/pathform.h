#pragma once

#include "edit/editresult.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace deadbolt {

// The fields of one in-memory writable path, validated as typed: the path must be
// absolute, the size a number with an optional unit (64m, 64Mi, 1g), the mode octal,
// uid and gid integers. Add / Apply stay disabled until every field is valid.
class PathForm : public QWidget
{
    Q_OBJECT
public:
    explicit PathForm(QWidget *parent = nullptr);

    void setSpec(const InMemoryPathSpec &spec);
    InMemoryPathSpec spec() const;
    void clear();
    // Empty when valid, else what is wrong (shown under the fields).
    QString problem() const;
    // Enables "Apply" / "Remove" when a listed path is selected.
    void setEditing(const QString &target);
    QString editingTarget() const { return m_editing; }

    static QString sizeProblem(const QString &size);

signals:
    void addRequested(const InMemoryPathSpec &spec);
    void changeRequested(const QString &oldTarget, const InMemoryPathSpec &spec);
    void removeRequested(const QString &target);

private:
    void validate();

    QLineEdit *m_path, *m_size, *m_mode, *m_uid, *m_gid;
    QLabel *m_problem;
    QPushButton *m_add, *m_change, *m_remove;
    QString m_editing;
};

} // namespace deadbolt
