#include "edit/filestyle.h"

#include "edit/textlines.h"
#include "source/sourcetext.h"

#include <map>

namespace deadbolt::edit {

using yaml::NodeId;
using yaml::NodeKind;

namespace {

struct Votes
{
    std::map<int, int> indents;
    int indented = 0;
    int flush = 0;
    int doubleQuoted = 0;
    int singleQuoted = 0;
};

void look(const std::string &text, const yaml::Document &doc, Votes &votes, std::size_t budget)
{
    const std::size_t n = std::min(doc.nodes.size(), budget);
    for (std::size_t i = 0; i < n; ++i) {
        const yaml::Node &node = doc.nodes[i];
        if (node.kind == NodeKind::Scalar) {
            if (node.scalarStyle == yaml::ScalarStyle::DoubleQuoted)
                ++votes.doubleQuoted;
            else if (node.scalarStyle == yaml::ScalarStyle::SingleQuoted)
                ++votes.singleQuoted;
            continue;
        }
        if (node.kind != NodeKind::Mapping || node.collectionStyle != yaml::CollectionStyle::Block)
            continue;
        const auto kids = doc.children(NodeId(i));
        for (std::size_t k = 0; k + 1 < kids.size(); k += 2) {
            const NodeId key = kids[k];
            const NodeId value = kids[k + 1];
            const yaml::Node &v = doc.node(value);
            if (v.collectionStyle != yaml::CollectionStyle::Block || doc.children(value).empty())
                continue;
            const std::size_t keyColumn = columnOf(text, doc.headBegin(key));
            const NodeId first = doc.children(value)[0];
            if (v.kind == NodeKind::Mapping) {
                const std::size_t firstBegin = doc.headBegin(first);
                if (!startsLine(text, firstBegin))
                    continue;
                const int step = int(columnOf(text, firstBegin)) - int(keyColumn);
                if (step > 0 && step <= 8)
                    ++votes.indents[step];
            } else if (v.kind == NodeKind::Sequence) {
                const std::size_t dash = dashBefore(text, doc.headBegin(first));
                if (dash == std::string::npos || !startsLine(text, dash))
                    continue;
                const std::size_t dashColumn = columnOf(text, dash);
                if (dashColumn > keyColumn)
                    ++votes.indented;
                else if (dashColumn == keyColumn)
                    ++votes.flush;
            }
        }
    }
}

} // namespace

FileStyle detectStyle(const SourceText &source, const std::vector<yaml::Document> &documents)
{
    FileStyle style;
    style.newline = source.usesCrlf() ? "\r\n" : "\n";
    style.finalNewline = source.endsWithNewline();
    Votes votes;
    // Enough evidence without walking all of a 14 MB file: the first documents decide.
    std::size_t budget = 20000;
    for (const yaml::Document &doc : documents) {
        if (budget == 0)
            break;
        look(source.bytes(), doc, votes, std::min<std::size_t>(budget, 2000));
        budget -= std::min<std::size_t>(budget, std::min<std::size_t>(doc.nodes.size(), 2000));
    }
    int best = 0;
    for (const auto &[step, count] : votes.indents) {
        if (count > best) {
            best = count;
            style.indent = step;
        }
    }
    style.indentedSequences = votes.indented >= votes.flush;
    style.quote = votes.singleQuoted > votes.doubleQuoted ? '\'' : '"';
    return style;
}

} // namespace deadbolt::edit
