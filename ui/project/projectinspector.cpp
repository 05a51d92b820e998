// The project window's inspector: what the selected service's values are, where each is
// written and how it got there (projectwindow.h).
#include "project/projectwindow.h"

#include "document.h"
#include "models/workloadlistmodel.h"
#include "project/projectdocument.h"

#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>

namespace deadbolt {

QString ProjectWindow::originWords(Origin origin)
{
    switch (origin) {
    case Origin::Own:
        return ProjectWindow::tr("own key");
    case Origin::Override:
        return ProjectWindow::tr("override file");
    case Origin::Extends:
        return ProjectWindow::tr("extends");
    case Origin::Include:
        return ProjectWindow::tr("include");
    }
    return {};
}

static QString rootFsWords(const Workload &w)
{
    switch (w.rootFs) {
    case RootFs::ReadOnly:
        return ProjectWindow::tr("read-only");
    case RootFs::WritableExplicit:
        return ProjectWindow::tr("writable (read_only: %1)").arg(w.rootFsRaw.toHtmlEscaped());
    case RootFs::WritableDefault:
        return ProjectWindow::tr("writable (read_only is not set in any file)");
    case RootFs::Undetermined:
        return ProjectWindow::tr("undetermined (%1)").arg(w.rootFsRaw.toHtmlEscaped());
    }
    return {};
}

QString ProjectWindow::locationLink(const Location &at, const QString &origin) const
{
    const Analysis &a = m_document->analysis();
    if (at.line <= 0 || at.file < 0 || at.file >= a.files.size())
        return {};
    return QStringLiteral("<a href=\"at:%1:%2\">%3:%2</a>%4")
        .arg(at.file)
        .arg(at.line)
        .arg(m_document->shownName(a.files[at.file]).toHtmlEscaped(),
             origin.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(origin));
}

void ProjectWindow::refreshInspector()
{
    const QString name = selectedWorkload();
    const Workload *w = nullptr;
    for (const Workload &candidate : m_document->analysis().workloads)
        if (candidate.displayName() == name)
            w = &candidate;
    m_readOnly->setEnabled(w && w->rootFs != RootFs::ReadOnly);
    m_writable->setEnabled(w && w->rootFs == RootFs::ReadOnly);
    if (!w) {
        m_title->setText(tr("No service selected"));
        m_details->setText(QString());
        return;
    }
    m_title->setText(w->displayName());
    QString html = QStringLiteral("<p><b>%1</b> &mdash; %2</p>")
                       .arg(statusLabel(w->status()).toHtmlEscaped(), rootFsWords(*w));
    if (const QString at = locationLink(w->rootFsLocation, originWords(w->rootFsOrigin)); !at.isEmpty())
        html += tr("<p>read_only is written at %1.</p>").arg(at);
    if (const QString at = locationLink(w->location, {}); !at.isEmpty())
        html += tr("<p>Last set in %1.</p>").arg(at);
    auto paths = [&](const QString &heading, const QVector<WritablePath> &list) {
        if (list.isEmpty())
            return;
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(heading);
        for (const WritablePath &p : list)
            html += QStringLiteral("<li><code>%1</code> %2 &mdash; %3</li>")
                        .arg(p.target.toHtmlEscaped(), pathKindName(p.kind).toHtmlEscaped(),
                             locationLink(p.location, originWords(p.origin)));
        html += QStringLiteral("</ul>");
    };
    paths(tr("In memory"), w->inMemory);
    paths(tr("Persistent"), w->persistent);
    if (!w->findings.isEmpty()) {
        html += tr("<p><b>Findings</b></p><ul>");
        for (const Diagnostic &d : w->findings)
            html += QStringLiteral("<li>%1</li>").arg(d.message.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    html += tr("<p><small>Merged as docker compose merges the files: mappings key by key, tmpfs and volumes "
               "by target, later files winning. YAML merge keys (&lt;&lt;) are resolved inside each file "
               "first, where an own key replaces the merged one.</small></p>");
    m_details->setText(html);
}

} // namespace deadbolt
