#include "dialogs/probedialog.h"

#include "backgroundworkers.h"
#include "document.h"
#include "edit/suggested.h"
#include "editcontroller.h"
#include "model/workloadmatch.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace deadbolt {

ProbeDialog::ProbeDialog(EditController *edits, const QString &workload, QWidget *parent)
    : QDialog(parent), m_edits(edits), m_workload(workload), m_seconds(new QSpinBox(this)),
      m_start(new QPushButton(tr("&Start"), this)), m_cancel(new QPushButton(tr("&Cancel"), this)),
      m_apply(new QPushButton(tr("&Apply to the file"), this)), m_busy(new QProgressBar(this)),
      m_log(new QPlainTextEdit(this)), m_paths(new QListWidget(this)), m_verdict(new QLabel(this))
{
    setWindowTitle(tr("Learn writable paths of %1").arg(workload));
    auto *intro = new QLabel(
        tr("Runs the container as the file defines it with your Docker, with no network and its mounts "
           "replaced by empty in-memory ones (nothing on your disk is written), and reads what it "
           "writes. Then it tries the container read-only with those paths."),
        this);
    intro->setWordWrap(true);
    m_seconds->setRange(1, 600);
    m_seconds->setValue(10);
    m_seconds->setSuffix(tr(" s"));
    m_busy->setRange(0, 0);
    m_busy->hide();
    m_log->setReadOnly(true);
    m_log->setObjectName(QStringLiteral("probeLog"));
    m_log->setMaximumBlockCount(2000);
    m_paths->setObjectName(QStringLiteral("probePaths"));
    m_verdict->setWordWrap(true);
    m_cancel->setEnabled(false);
    m_apply->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Run each for up to:"), m_seconds);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    buttons->addButton(m_apply, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_busy);
    layout->addWidget(m_log, 1);
    layout->addWidget(new QLabel(tr("Writable directories it needs:"), this));
    layout->addWidget(m_paths);
    layout->addWidget(m_verdict);
    layout->addWidget(buttons);
    resize(640, 520);

    connect(m_start, &QPushButton::clicked, this, &ProbeDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_stop = true;
        step(tr("cancelling..."));
    });
    connect(m_apply, &QPushButton::clicked, this, &ProbeDialog::applyProposal);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<ProbeResult>::finished, this, &ProbeDialog::finished);
}

ProbeDialog::~ProbeDialog()
{
    m_stop = true;
    m_watcher.waitForFinished();
}

QString ProbeDialog::log() const
{
    return m_log->toPlainText();
}

void ProbeDialog::step(const QString &line)
{
    m_log->appendPlainText(line);
}

void ProbeDialog::start()
{
    Document *doc = m_edits->document();
    QString why;
    const Workload *w = doc->ensureAnalysisCurrent() ? workloadNamed(doc->analysis(), m_workload) : nullptr;
    if (!w || !runSpecOf(*doc->parsed(), *w, QProcessEnvironment::systemEnvironment(), &m_spec, &why)) {
        step(w ? why : tr("The file has an error, or no workload %1 any more.").arg(m_workload));
        return;
    }
    m_oneShot = m_spec.oneShot;
    m_stop = false;
    m_paths->clear();
    m_verdict->clear();
    m_apply->setEnabled(false);
    m_start->setEnabled(false);
    m_running = true;
    m_cancel->setEnabled(true);
    m_busy->show();
    ProbeOptions options;
    options.seconds = m_seconds->value();
    const RunSpec spec = m_spec;
    QPointer<ProbeDialog> self(this);
    m_watcher.setFuture(QtConcurrent::run(backgroundWorkers(), [spec, options, self, this] {
        return probeWorkload(
            spec, options,
            [self](const QString &line) {
                QMetaObject::invokeMethod(
                    self,
                    [self, line] {
                        if (self)
                            self->step(line);
                    },
                    Qt::QueuedConnection);
            },
            &m_stop);
    }));
}

void ProbeDialog::finished()
{
    m_result = m_watcher.result();
    m_running = false;
    m_busy->hide();
    m_start->setEnabled(true);
    m_cancel->setEnabled(false);
    if (!m_result.ok()) {
        step(m_result.error);
        m_verdict->setText(tr("<b>The probe did not run:</b> %1").arg(m_result.error.toHtmlEscaped()));
        return;
    }
    for (const QString &d : m_result.needs.directories)
        m_paths->addItem(tr("%1   (owner %2)").arg(d, m_result.owners.value(d, QStringLiteral("?"))));
    for (const QString &m : m_result.needs.modified)
        m_paths->addItem(tr("%1   changed in place: no in-memory path can serve it").arg(m));
    const bool up = m_result.trialRan && m_result.trial.stayedUp(m_oneShot) && m_result.trialErrors.isEmpty();
    for (const QString &e : m_result.trialErrors)
        step(e);
    if (up) {
        m_verdict->setText(
            tr("<b>Read-only, it stayed up</b> (%1) with these paths in memory.").arg(m_result.trial.state));
    } else {
        const QStringList lines = m_result.trial.log.trimmed().split(QLatin1Char('\n'));
        for (const QString &l : lines.mid(std::max<qsizetype>(0, lines.size() - 10)))
            step(QStringLiteral("| ") + l);
        m_verdict->setText(tr("<b>Read-only, it did not stay up</b> (%1, exit %2): see its log above.")
                               .arg(m_result.trial.state)
                               .arg(m_result.trial.exitCode));
    }
    m_apply->setEnabled(up);
}

void ProbeDialog::applyProposal()
{
    Document *doc = m_edits->document();
    const Workload *w = doc->ensureAnalysisCurrent() ? workloadNamed(doc->analysis(), m_workload) : nullptr;
    if (!w)
        return;
    const QVector<EditOp> ops = proposalOps(*w, m_result.needs.directories, m_result.owners);
    if (!m_edits->editAll(ops, tr("Make %1 read-only with the paths it writes").arg(m_workload))) {
        m_verdict->setText(tr("<b>Not applied:</b> %1").arg(m_edits->lastError().toHtmlEscaped()));
        return;
    }
    accept();
}

} // namespace deadbolt
