#include "panels/pathform.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

namespace deadbolt {

namespace {

QLineEdit *field(QWidget *parent, const char *name, const QString &placeholder, const QString &tip,
                 const QString &allowed)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(QLatin1String(name));
    e->setPlaceholderText(placeholder);
    e->setToolTip(tip);
    e->setClearButtonEnabled(true);
    // The validator only keeps out characters that can never be right; whether the whole
    // value is valid is checked in validate(), which can explain what is wrong.
    e->setValidator(new QRegularExpressionValidator(QRegularExpression(allowed), e));
    return e;
}

} // namespace

PathForm::PathForm(QWidget *parent)
    : QWidget(parent), m_path(field(this, "pathTarget", tr("/var/run"),
                                    tr("Absolute path inside the container"), QStringLiteral("[^\\s:,]*"))),
      m_size(field(this, "pathSize", tr("64m or 64Mi"),
                   tr("Size limit: bytes, or a number with k, m, g (Compose) or Ki, Mi, Gi (Kubernetes)"),
                   QStringLiteral("[0-9]*\\.?[0-9]*[kKmMgGtTbB]?i?"))),
      m_mode(field(this, "pathMode", tr("1777"), tr("Permissions in octal, e.g. 1777 or 0755"),
                   QStringLiteral("[0-7]{0,4}"))),
      m_uid(field(this, "pathUid", tr("uid"), tr("Owner user id (numeric)"), QStringLiteral("[0-9]{0,10}"))),
      m_gid(field(this, "pathGid", tr("gid"), tr("Owner group id (numeric)"), QStringLiteral("[0-9]{0,10}"))),
      m_problem(new QLabel(this)),
      m_add(new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("&Add"), this)),
      m_change(new QPushButton(tr("A&pply"), this)),
      m_remove(new QPushButton(QIcon(QStringLiteral(":/icons/remove.svg")), tr("Re&move"), this))
{
    m_problem->setObjectName(QStringLiteral("pathProblem"));
    m_problem->setWordWrap(true);
    m_add->setObjectName(QStringLiteral("addPathButton"));
    m_add->setToolTip(tr("Add this in-memory writable path to the workload"));
    m_change->setObjectName(QStringLiteral("changePathButton"));
    m_change->setToolTip(tr("Change the selected path to these values"));
    m_remove->setObjectName(QStringLiteral("removePathButton"));
    m_remove->setToolTip(tr("Remove the selected path from the workload"));

    auto *ids = new QHBoxLayout;
    ids->addWidget(m_uid);
    ids->addWidget(m_gid);
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Path:"), m_path);
    form->addRow(tr("Size:"), m_size);
    form->addRow(tr("Mode:"), m_mode);
    form->addRow(tr("Owner:"), ids);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_change);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);

    for (QLineEdit *e : {m_path, m_size, m_mode, m_uid, m_gid}) {
        connect(e, &QLineEdit::textChanged, this, &PathForm::validate);
        connect(e, &QLineEdit::returnPressed, m_add, &QPushButton::click);
    }
    connect(m_add, &QPushButton::clicked, this, [this] { emit addRequested(spec()); });
    connect(m_change, &QPushButton::clicked, this, [this] { emit changeRequested(m_editing, spec()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { emit removeRequested(m_editing); });
    validate();
}

QString PathForm::sizeProblem(const QString &size)
{
    static const QRegularExpression valid(QStringLiteral("^[0-9]+(\\.[0-9]+)?([kmgtKMGT]i?|[bB])?$"));
    if (size.isEmpty() || valid.match(size).hasMatch())
        return {};
    return tr("Size must be a number with an optional unit: 64m, 64Mi, 1g.");
}

QString PathForm::problem() const
{
    const QString path = m_path->text();
    if (path.isEmpty())
        return tr("Enter the path the workload writes to.");
    if (!path.startsWith(QLatin1Char('/')))
        return tr("The path must be absolute (start with /).");
    if (path.contains(QLatin1String("//")) || path.split(QLatin1Char('/')).contains(QLatin1String("..")))
        return tr("The path must be normalised (no // or ..).");
    if (const QString s = sizeProblem(m_size->text()); !s.isEmpty())
        return s;
    if (!m_mode->text().isEmpty() && m_mode->text().size() < 3)
        return tr("Mode must be three or four octal digits, e.g. 1777.");
    return {};
}

void PathForm::validate()
{
    const QString p = problem();
    m_problem->setText(p);
    m_problem->setVisible(!p.isEmpty() && !m_path->text().isEmpty());
    m_add->setEnabled(p.isEmpty());
    m_change->setEnabled(p.isEmpty() && !m_editing.isEmpty());
    m_remove->setEnabled(!m_editing.isEmpty());
    // Mark the field that is wrong, by text and not only by colour (the message says which).
    const bool pathBad = !m_path->text().isEmpty() && !m_path->text().startsWith(QLatin1Char('/'));
    m_path->setStyleSheet(pathBad ? QStringLiteral("QLineEdit { border: 1px solid #c0392b; }") : QString());
    m_size->setStyleSheet(!sizeProblem(m_size->text()).isEmpty()
                              ? QStringLiteral("QLineEdit { border: 1px solid #c0392b; }")
                              : QString());
}

void PathForm::setSpec(const InMemoryPathSpec &spec)
{
    m_path->setText(spec.target);
    m_size->setText(spec.size);
    m_mode->setText(spec.mode);
    m_uid->setText(spec.uid ? QString::number(*spec.uid) : QString());
    m_gid->setText(spec.gid ? QString::number(*spec.gid) : QString());
}

InMemoryPathSpec PathForm::spec() const
{
    InMemoryPathSpec s;
    s.target = m_path->text();
    s.size = m_size->text();
    s.mode = m_mode->text();
    if (!m_uid->text().isEmpty())
        s.uid = m_uid->text().toLongLong();
    if (!m_gid->text().isEmpty())
        s.gid = m_gid->text().toLongLong();
    return s;
}

void PathForm::clear()
{
    setEditing({});
    setSpec({});
}

void PathForm::setEditing(const QString &target)
{
    m_editing = target;
    validate();
}

} // namespace deadbolt
