#include "panels/inspectorpanel.h"
#include "edit/findingfixes.h"

#include "document.h"
#include "editcontroller.h"
#include "models/workloadlistmodel.h"
#include "panels/pathform.h"
#include "policy/ruleids.h"
#include "views/statusicons.h"

#include "dialogs/probedialog.h"
#include <QCheckBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>

#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace deadbolt {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(QStringLiteral("<b>%1</b>").arg(text), parent);
    l->setContentsMargins(0, 8, 0, 0);
    return l;
}

QString optionalId(const std::optional<qint64> &id)
{
    return id ? QString::number(*id) : QString();
}

} // namespace

InspectorPanel::InspectorPanel(Document *document, EditController *edits, QWidget *parent)
    : QWidget(parent), m_document(document), m_edits(edits), m_title(new QLabel), m_subtitle(new QLabel),
      m_status(new QLabel), m_rootNote(new QLabel), m_editBlocked(new QLabel),
      m_readOnly(new QCheckBox(tr("Read-only root filesystem"))),
      m_targetBox(new QGroupBox(tr("The value comes from a shared block. Change:"))),
      m_targetWorkload(new QRadioButton(tr("this workload only"))), m_targetShared(new QRadioButton),
      m_inMemory(new QTableWidget(0, 5)), m_form(new PathForm), m_persistent(new QListWidget),
      m_findings(new QWidget), m_findingsLayout(new QVBoxLayout(m_findings)), m_content(new QWidget),
      m_empty(new QLabel(tr("Select a workload in the list or move the cursor into one in the YAML view.")))
{
    setObjectName(QStringLiteral("inspectorPanel"));
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_subtitle->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("inspectorStatus"));
    m_rootNote->setWordWrap(true);
    m_editBlocked->setObjectName(QStringLiteral("inspectorBlocked"));
    m_editBlocked->setWordWrap(true);
    m_editBlocked->setText(tr("The YAML has an error: fix it in the YAML view to edit here again."));
    m_readOnly->setObjectName(QStringLiteral("readOnlySwitch"));
    m_readOnly->setToolTip(
        tr("Mount the container's root filesystem read-only (Compose read_only, Kubernetes "
           "securityContext.readOnlyRootFilesystem)"));
    m_readOnly->setStyleSheet(QStringLiteral("QCheckBox::indicator { width: 18px; height: 18px; }"));
    m_targetWorkload->setObjectName(QStringLiteral("targetWorkload"));
    m_targetShared->setObjectName(QStringLiteral("targetShared"));
    m_targetWorkload->setChecked(true);
    auto *targetLayout = new QVBoxLayout(m_targetBox);
    targetLayout->addWidget(m_targetWorkload);
    targetLayout->addWidget(m_targetShared);
    m_sharedBy = new QLabel(m_targetBox);
    m_sharedBy->setObjectName(QStringLiteral("sharedBy"));
    m_sharedBy->setWordWrap(true);
    m_sharedBy->setContentsMargins(24, 0, 0, 0);
    targetLayout->addWidget(m_sharedBy);

    m_inMemory->setObjectName(QStringLiteral("inMemoryTable"));
    m_inMemory->setHorizontalHeaderLabels({tr("Path"), tr("Size"), tr("Mode"), tr("uid:gid"), tr("Kind")});
    m_inMemory->setToolTip(
        tr("Paths the workload may write to, held in memory. Select one to edit it below."));
    m_inMemory->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_inMemory->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_inMemory->setSelectionMode(QAbstractItemView::SingleSelection);
    m_inMemory->verticalHeader()->hide();
    m_inMemory->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 5; ++c)
        m_inMemory->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_persistent->setObjectName(QStringLiteral("persistentList"));
    // Long host paths are shortened in the middle (the full text is the item's tool tip)
    // rather than scrolled sideways under a scroll bar that hides the only row.
    m_persistent->setTextElideMode(Qt::ElideMiddle);
    m_persistent->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_persistent->setToolTip(
        tr("Writable paths on disk (volumes, bind mounts): for data that must survive a restart"));
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findingsLayout->setContentsMargins(0, 0, 0, 0);

    auto *content = new QVBoxLayout(m_content);
    content->addWidget(m_title);
    content->addWidget(m_subtitle);
    content->addWidget(m_status);
    content->addWidget(m_editBlocked);
    content->addWidget(m_readOnly);
    content->addWidget(m_rootNote);
    content->addWidget(m_targetBox);
    content->addWidget(heading(tr("In-memory writable paths"), m_content));
    content->addWidget(m_inMemory);
    content->addWidget(m_form);
    // The probe: what the container really writes, learnt with the user's Docker.
    m_learn = new QPushButton(tr("Learn writable paths..."), m_content);
    m_learn->setObjectName(QStringLiteral("learnPaths"));
    m_learn->setToolTip(tr("Run the container with your Docker to see which paths it writes, and try it "
                           "read-only with them"));
    connect(m_learn, &QPushButton::clicked, this, [this] {
        ProbeDialog dialog(m_edits, m_key, this);
        dialog.exec();
    });
    content->addWidget(m_learn, 0, Qt::AlignLeft);
    content->addWidget(heading(tr("Persistent writable paths"), m_content));
    content->addWidget(m_persistent);
    content->addWidget(heading(tr("Findings"), m_content));
    content->addWidget(m_findings);
    content->addStretch();

    m_scroll = new QScrollArea;
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_inMemory->setMinimumWidth(120);
    m_inMemory->horizontalHeader()->setMinimumSectionSize(24);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_content);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
    layout->addWidget(m_scroll);

    connect(m_readOnly, &QCheckBox::clicked, this, [this](bool on) {
        if (!m_edits->setReadOnly(m_key, on, target()))
            refresh(); // put the switch back where the file says
    });
    connect(m_inMemory, &QTableWidget::itemSelectionChanged, this, &InspectorPanel::pathRowSelected);
    // The form's three requests are one EditOp each, with the shared-block choice.
    auto request = [this](EditOp::Kind kind, const QString &path, const InMemoryPathSpec &spec) {
        EditOp op(kind, m_key);
        op.path = path;
        op.spec = spec;
        op.target = target();
        if (m_edits->edit(op))
            m_form->clear();
    };
    connect(m_form, &PathForm::addRequested, this,
            [request](const InMemoryPathSpec &spec) { request(EditOp::Kind::AddPath, {}, spec); });
    connect(m_form, &PathForm::changeRequested, this,
            [request](const QString &old, const InMemoryPathSpec &spec) {
                request(EditOp::Kind::ChangePath, old, spec);
            });
    connect(m_form, &PathForm::removeRequested, this,
            [request](const QString &path) { request(EditOp::Kind::RemovePath, path, {}); });
    connect(document, &Document::analysisChanged, this, &InspectorPanel::refresh);
    connect(document, &Document::parseErrorsChanged, this, &InspectorPanel::refresh);
    refresh();
}

Target InspectorPanel::target() const
{
    return m_targetBox->isVisible() && m_targetShared->isChecked() ? Target::SharedBlock
                                                                   : Target::ThisWorkload;
}

void InspectorPanel::setWorkload(const QString &key)
{
    if (key == m_key)
        return;
    m_key = key;
    m_form->clear();
    m_targetWorkload->setChecked(true);
    refresh();
}

void InspectorPanel::refresh()
{
    const Workload *w = nullptr;
    for (const Workload &candidate : m_document->analysis().workloads)
        if (candidate.displayName() == m_key)
            w = &candidate;
    m_empty->setVisible(!w);
    m_scroll->setVisible(w);
    if (!w)
        return;
    const bool editable = m_document->parseErrors().isEmpty();
    m_editBlocked->setVisible(!editable);
    for (QWidget *control : std::initializer_list<QWidget *>{m_readOnly, m_targetBox, m_form, m_learn})
        control->setEnabled(editable);

    m_title->setText(w->name);
    const QString container = w->containerList == QLatin1String("initContainers") ? tr("Init container")
                              : w->containerList == QLatin1String("ephemeralContainers")
                                  ? tr("Ephemeral container")
                                  : tr("Container");
    m_subtitle->setText(w->object.isEmpty() ? tr("Compose service")
                                            : tr("%1 in %2").arg(container, w->object));
    const Status status = w->status();
    const QString icon = status == Status::Immutable                 ? QStringLiteral("status-immutable")
                         : status == Status::ImmutableWithExceptions ? QStringLiteral("status-exceptions")
                         : status == Status::Mutable                 ? QStringLiteral("status-mutable")
                                                                     : QStringLiteral("status-undetermined");
    m_status->setText(QStringLiteral("<img src=':/icons/%1.svg' width='16' height='16'> "
                                     "<span style='color:%2'><b>%3</b></span>")
                          .arg(icon, statusColor(status).name(), statusLabel(status)));
    m_status->setToolTip(statusName(status));

    m_readOnly->setChecked(w->rootFs == RootFs::ReadOnly);
    QString note;
    switch (w->rootFs) {
    case RootFs::ReadOnly:
        note = tr("Nothing in the container can change except the paths below.");
        break;
    case RootFs::WritableExplicit:
        note = tr("The file sets the root filesystem writable (%1).").arg(w->rootFsRaw);
        break;
    case RootFs::WritableDefault:
        note = tr("Writable by default: the file does not say read-only.");
        break;
    case RootFs::Undetermined:
        note = tr("The value is %1: it depends on the environment, so the file alone cannot tell.")
                   .arg(w->rootFsRaw);
        break;
    }
    if (w->exemption.exempt)
        note += QLatin1Char(' ') + tr("Exempted by %1: %2").arg(w->exemption.tool, w->exemption.reason);
    m_rootNote->setText(note);
    // Read-only and path edits take the same choice where what they change is shared: a
    // value or list merged from a block, or this service merged by others.
    const Provenance &p = w->rootFsProvenance.shared ? w->rootFsProvenance : w->pathsProvenance;
    m_targetBox->setVisible(p.shared || !w->mergedBy.isEmpty());
    if (p.shared) {
        const bool both = w->rootFsProvenance.shared && w->pathsProvenance.shared;
        m_targetBox->setTitle(both ? tr("Read-only and paths are shared. Change:")
                              : w->rootFsProvenance.shared
                                  ? tr("The value comes from a shared block. Change:")
                                  : tr("The paths come from a shared block. Change:"));
        // "&" would be a mnemonic in a button text.
        m_targetShared->setText(tr("the shared block &&%1").arg(p.anchor));
        m_sharedBy->setText(tr("affects: %1").arg(p.sharedBy.join(QStringLiteral(", "))));
    } else if (!w->mergedBy.isEmpty()) {
        m_targetBox->setTitle(tr("Other services merge this one. Change:"));
        m_targetShared->setText(tr("this service and those merging it"));
        m_sharedBy->setText(
            tr("affects: %1").arg((QStringList{w->name} + w->mergedBy).join(QStringLiteral(", "))));
    }

    // The selection is by target, so it survives the table being refilled.
    const QString editing = m_form->editingTarget();
    m_inMemory->blockSignals(true);
    m_inMemory->setRowCount(int(w->inMemory.size()));
    for (int row = 0; row < w->inMemory.size(); ++row) {
        const WritablePath &path = w->inMemory.at(row);
        const QString owner =
            path.uid || path.gid ? optionalId(path.uid) + QLatin1Char(':') + optionalId(path.gid) : QString();
        const QStringList cells{path.target, path.size, path.mode, owner, pathKindName(path.kind)};
        for (int c = 0; c < cells.size(); ++c)
            m_inMemory->setItem(row, c, new QTableWidgetItem(cells.at(c)));
        if (path.target == editing)
            m_inMemory->selectRow(row);
    }
    m_inMemory->blockSignals(false);
    // As tall as its rows (at least one), so short lists leave no empty box.
    m_inMemory->resizeRowsToContents();
    const int rowHeight = m_inMemory->verticalHeader()->defaultSectionSize();
    m_inMemory->setFixedHeight(m_inMemory->horizontalHeader()->height() + 2 * m_inMemory->frameWidth() +
                               rowHeight * std::clamp(int(w->inMemory.size()), 1, 6) + 2);

    m_persistent->clear();
    for (const WritablePath &path : w->persistent) {
        const QString text =
            path.source.isEmpty()
                ? tr("%1 (%2)").arg(path.target, pathKindName(path.kind))
                : tr("%1 from %2 (%3)").arg(path.target, path.source, pathKindName(path.kind));
        m_persistent->addItem(text);
        m_persistent->item(m_persistent->count() - 1)->setToolTip(text);
    }
    if (w->persistent.isEmpty())
        m_persistent->addItem(tr("None"));
    m_persistent->setFixedHeight(m_persistent->sizeHintForRow(0) * std::clamp(m_persistent->count(), 1, 5) +
                                 2 * m_persistent->frameWidth() + 2);
    fillFindings(*w);
}

void InspectorPanel::fillFindings(const Workload &w)
{
    while (QLayoutItem *item = m_findingsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (w.findings.isEmpty()) {
        m_findingsLayout->addWidget(new QLabel(tr("None: nothing to fix here.")));
        return;
    }
    // A handful of findings per workload at most: a widget each is fine here (the list of
    // workloads, which can be 20,000 rows, is a model/view).
    for (const Diagnostic &d : w.findings) {
        auto *row = new QWidget;
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 2, 0, 2);
        const QStyle::StandardPixmap icon = d.severity == Severity::Error ? QStyle::SP_MessageBoxCritical
                                            : d.severity == Severity::Warning
                                                ? QStyle::SP_MessageBoxWarning
                                                : QStyle::SP_MessageBoxInformation;
        auto *iconLabel = new QLabel;
        iconLabel->setPixmap(style()->standardIcon(icon).pixmap(16, 16));
        iconLabel->setAlignment(Qt::AlignTop);
        layout->addWidget(iconLabel);
        auto *text = new QLabel(
            QStringLiteral("<b>%1</b> %2 %3<br><i>%4</i>")
                .arg(d.rule, severityName(d.severity), d.message.toHtmlEscaped(), d.hint.toHtmlEscaped()));
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *column = new QVBoxLayout;
        column->setContentsMargins(0, 0, 0, 0);
        column->addWidget(text);
        layout->addLayout(column, 1);
        // One-click fixes exist where the core has the edit for it. A long label goes under
        // the text, so that the text keeps the width to be read.
        if (const std::optional<FindingFix> fix = findingFix(w, d)) {
            auto *button = new QPushButton(fix->label);
            button->setObjectName(QStringLiteral("fixButton"));
            button->setToolTip(fix->toolTip);
            connect(button, &QPushButton::clicked, this,
                    [this, fix = *fix] { m_edits->applyFix(m_key, fix, target()); });
            if (fix->label.size() > 18)
                column->addWidget(button, 0, Qt::AlignLeft);
            else
                layout->addWidget(button, 0, Qt::AlignTop);
        }
        m_findingsLayout->addWidget(row);
    }
}

void InspectorPanel::pathRowSelected()
{
    const auto rows = m_inMemory->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_form->setEditing({});
        return;
    }
    const QString target = m_inMemory->item(rows.first().row(), 0)->text();
    for (const Workload &w : m_document->analysis().workloads) {
        if (w.displayName() != m_key)
            continue;
        for (const WritablePath &p : w.inMemory) {
            if (p.target != target)
                continue;
            m_form->setSpec({p.target, p.size, p.mode, p.uid, p.gid});
            m_form->setEditing(p.target);
        }
    }
}

} // namespace deadbolt
