#pragma once

#include <QSyntaxHighlighter>

namespace deadbolt {

// Colours a unified diff: added lines green, removed red, hunk headers blue. The +/-
// signs stay in the text, so the colour is never the only signal.
class DiffHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace deadbolt
