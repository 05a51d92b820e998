#include "panels/changespanel.h"

#include "document.h"
#include "source/linediff.h"
#include "views/diffhighlighter.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace deadbolt {

ChangesPanel::ChangesPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_header(new QLabel(this)), m_view(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("changesPanel"));
    m_view->setObjectName(QStringLiteral("changesView"));
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setToolTip(tr("What saving would change in the file on disk"));
    new DiffHighlighter(m_view->document());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_view);
    m_timer.setSingleShot(true);
    m_timer.setInterval(200);
    connect(&m_timer, &QTimer::timeout, this, &ChangesPanel::update);
    // Diffing is only worth doing while someone looks at it.
    auto later = [this] {
        m_stale = true;
        if (isVisible())
            m_timer.start();
    };
    connect(document, &Document::textChanged, this, later);
    connect(document, &Document::savedTextChanged, this, later);
    update();
}

QString ChangesPanel::diffText() const
{
    return m_view->toPlainText();
}

void ChangesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        update();
}

void ChangesPanel::update()
{
    m_stale = false;
    const std::string diff = unifiedDiff(m_document->savedText(), m_document->text(),
                                         QStringLiteral("a/") + m_document->displayName(),
                                         QStringLiteral("b/") + m_document->displayName());
    if (diff.empty()) {
        m_header->setText(tr("No unsaved changes."));
        m_view->clear();
        return;
    }
    int added = 0, removed = 0;
    for (const DiffLine &l : diffLines(m_document->savedText(), m_document->text())) {
        if (l.kind == DiffLine::Added)
            ++added;
        else if (l.kind == DiffLine::Removed)
            ++removed;
    }
    m_header->setText(tr("Unsaved changes: %1 line(s) added, %2 removed.").arg(added).arg(removed));
    m_view->setPlainText(QString::fromStdString(diff));
}

} // namespace deadbolt
