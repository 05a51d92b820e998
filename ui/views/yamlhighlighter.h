#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace deadbolt {

// Enough YAML colouring to read a manifest: comments, keys, anchors/aliases/tags,
// quoted strings, booleans and numbers, document markers. Line-based on purpose (block
// scalars are rare in these files and are coloured as plain text). Colours come from the
// palette so that dark themes stay readable.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_comment, m_key, m_string, m_keyword, m_number, m_anchor, m_marker;
};

} // namespace deadbolt
