#include "panels/welcomepage.h"

#include "recentlist.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace deadbolt {

namespace {

struct Sample
{
    const char *file;
    const char *title;
};

// In the order a newcomer should try them.
constexpr Sample Samples[] = {
    {"wordpress-compose2.yml",
     QT_TRANSLATE_NOOP("WelcomePage", "WordPress, Compose file format 2 (tmpfs with uid)")},
    {"wordpress-stack.yml",
     QT_TRANSLATE_NOOP("WelcomePage", "WordPress, Compose 3 / Swarm stack (tmpfs volume)")},
    {"wordpress-k8s.yaml", QT_TRANSLATE_NOOP("WelcomePage", "WordPress, Kubernetes (memory emptyDir)")},
    {"nginx-postgres.yml", QT_TRANSLATE_NOOP("WelcomePage", "nginx and PostgreSQL")},
    {"shared-blocks.yml", QT_TRANSLATE_NOOP("WelcomePage", "Shared blocks and merge keys")},
};

QPushButton *linkButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setToolTip(toolTip);
    button->setFlat(true);
    button->setStyleSheet(QStringLiteral("text-align: left; padding: 4px;"));
    button->setIcon(QIcon(QStringLiteral(":/icons/open.svg")));
    return button;
}

} // namespace

QString WelcomePage::samplesDirectory()
{
    const QString installed =
        QDir(QCoreApplication::applicationDirPath())
            .absoluteFilePath(QStringLiteral("../" DEADBOLT_INSTALL_DATADIR "/deadbolt/samples"));
    if (QDir(installed).exists())
        return QDir::cleanPath(installed);
    const QString shared =
        QStandardPaths::locate(QStandardPaths::GenericDataLocation, QStringLiteral("deadbolt/samples"),
                               QStandardPaths::LocateDirectory);
    if (!shared.isEmpty())
        return shared;
    return QStringLiteral(DEADBOLT_SOURCE_SAMPLES);
}

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent), m_recent(new QWidget(this)), m_recentItems(new QVBoxLayout(m_recent))
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *text = new QLabel(tr(
        "<h1>Deadbolt</h1>"
        "<p>An <b>immutable</b> container cannot change what it runs: its root filesystem is read-only, so "
        "an attacker who gets in cannot drop a tool or patch a binary, and every replica stays what the "
        "image "
        "says it is. The few paths that must stay writable (a PID file, a cache, <tt>/tmp</tt>) are mounted "
        "in "
        "memory, as visible, counted exceptions.</p>"
        "<p><b>Docker Compose</b> says it with <tt>read_only: true</tt> and <tt>tmpfs:</tt> entries "
        "(<tt>/var/run:uid=33,size=16m</tt>). <b>Compose 3 / Swarm</b> drops the service <tt>tmpfs:</tt> "
        "key, so "
        "the writable paths are named volumes with <tt>driver_opts: {type: tmpfs}</tt>. <b>Kubernetes</b> "
        "sets "
        "<tt>securityContext.readOnlyRootFilesystem: true</tt> on each container and mounts "
        "<tt>emptyDir: {medium: Memory}</tt> volumes.</p>"
        "<p>Open a file (Ctrl+O, or drop it here), a project (File &gt; Open Project), or start with "
        "one below.</p>"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setMaximumWidth(720);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 30, 40, 30);
    layout->addWidget(text);
    m_recent->setObjectName(QStringLiteral("recentItems"));
    m_recentItems->setContentsMargins(0, 0, 0, 0);
    m_recentItems->setSpacing(0);
    layout->addWidget(m_recent);
    layout->addWidget(new QLabel(tr("<b>Samples</b>"), this));
    const QDir dir(samplesDirectory());
    for (const Sample &s : Samples) {
        const QString path = dir.absoluteFilePath(QLatin1String(s.file));
        auto *button = linkButton(tr(s.title), path, this);
        button->setObjectName(QStringLiteral("sample_") + QLatin1String(s.file));
        button->setEnabled(QFile::exists(path));
        connect(button, &QPushButton::clicked, this, [this, path] { emit openRequested(path); });
        layout->addWidget(button, 0, Qt::AlignLeft);
    }
    layout->addStretch();
}

// Filled each time the page is shown (not when it is built): files opened meanwhile appear.
void WelcomePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fillRecent();
}

// Files, then projects, each newest first; one that is gone stays listed, greyed out.
void WelcomePage::fillRecent()
{
    while (QLayoutItem *item = m_recentItems->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QStringList files = recent::files();
    const QVector<QStringList> projects = recent::projects();
    m_recent->setVisible(!files.isEmpty() || !projects.isEmpty());
    if (files.isEmpty() && projects.isEmpty())
        return;
    m_recentItems->addWidget(new QLabel(tr("<b>Recent</b>"), m_recent));
    for (const QString &path : files) {
        auto *button = linkButton(QFileInfo(path).fileName(), path, m_recent);
        button->setObjectName(QStringLiteral("recentFile"));
        button->setEnabled(QFileInfo::exists(path));
        connect(button, &QPushButton::clicked, this, [this, path] { emit openRequested(path); });
        m_recentItems->addWidget(button, 0, Qt::AlignLeft);
    }
    for (const QStringList &project : projects) {
        auto *button = linkButton(tr("Project: %1").arg(recent::projectTitle(project)),
                                  project.join(QLatin1Char('\n')), m_recent);
        button->setObjectName(QStringLiteral("recentProject"));
        button->setEnabled(QFileInfo::exists(project.first()));
        connect(button, &QPushButton::clicked, this, [this, project] { emit openProjectRequested(project); });
        m_recentItems->addWidget(button, 0, Qt::AlignLeft);
    }
}

} // namespace deadbolt
