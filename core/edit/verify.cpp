#include "edit/verify.h"

#include "model/analyzer.h"
#include "yaml/parser.h"

#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>

namespace deadbolt::edit {

namespace {

struct DocumentCheck
{
    int document = 0;
    std::size_t newBegin = 0;
    std::size_t newEnd = 0;
    const std::vector<TreeChange> *changes = nullptr;
};

// A replacement that writes a document marker would split the stream differently, which
// re-parsing one document's span could not see.
bool writesDocumentMarker(const std::string &inserted)
{
    for (std::size_t p = inserted.find('\n'); p != std::string::npos; p = inserted.find('\n', p + 1)) {
        const std::string_view rest = std::string_view(inserted).substr(p + 1);
        if (rest.starts_with("---") || rest.starts_with("..."))
            return true;
    }
    return false;
}

QString check(const ParsedFile &file, const std::string &edited, const DocumentCheck &c)
{
    const yaml::Document &before = file.stream.documents[std::size_t(c.document)];
    TreeValue expected = treeValue(before, before.root);
    QString error;
    for (const TreeChange &change : *c.changes) {
        if (!applyChange(expected, change, &error))
            return QStringLiteral("document %1: the plan is inconsistent: %2").arg(c.document + 1).arg(error);
    }
    const SourceText piece(edited.substr(c.newBegin, c.newEnd - c.newBegin));
    yaml::ParseError parseError;
    const yaml::Document after = yaml::parseDocument(piece, {0, std::uint32_t(piece.size())}, &parseError);
    if (after.root == yaml::NoNode && !parseError.message.isEmpty())
        return QStringLiteral("document %1 no longer parses: %2 (line %3 of the document)")
            .arg(c.document + 1)
            .arg(parseError.message)
            .arg(parseError.line);
    const TreeValue actual = treeValue(after, after.root);
    QString where;
    if (!sameTree(expected, actual, &where))
        return QStringLiteral("document %1 would change beyond the edit: %2").arg(c.document + 1).arg(where);
    return {};
}

} // namespace

QString verifyPlan(const ParsedFile &file, const Plan &plan, const std::string &edited)
{
    for (const Replacement &r : plan.replacements) {
        if (writesDocumentMarker(r.text))
            return QStringLiteral("the edit would start a new YAML document");
    }
    Replacements sorted = plan.replacements;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Replacement &a, const Replacement &b) { return a.offset < b.offset; });
    const std::size_t size = file.text.size();
    const auto &docs = file.stream.documents;
    static const std::vector<TreeChange> none;

    // Walk documents and replacements together: each document's new span is its old one
    // shifted by what the replacements before it added, widened by its own.
    std::vector<DocumentCheck> checks;
    std::ptrdiff_t shift = 0;
    std::size_t r = 0;
    for (int d = 0; d < int(docs.size()); ++d) {
        const std::size_t begin = docs[std::size_t(d)].begin;
        const std::size_t end = docs[std::size_t(d)].end;
        while (r < sorted.size() && sorted[r].offset < begin) {
            shift += std::ptrdiff_t(sorted[r].text.size()) - std::ptrdiff_t(sorted[r].length);
            ++r;
        }
        std::ptrdiff_t own = 0;
        bool touched = false;
        while (r < sorted.size() && (sorted[r].offset < end || (sorted[r].offset == end && end == size))) {
            if (sorted[r].offset + sorted[r].length > end)
                return QStringLiteral("the edit crosses a document boundary");
            own += std::ptrdiff_t(sorted[r].text.size()) - std::ptrdiff_t(sorted[r].length);
            touched = true;
            ++r;
        }
        const auto it = plan.changes.find(d);
        if (touched || it != plan.changes.end()) {
            DocumentCheck c;
            c.document = d;
            c.newBegin = std::size_t(std::ptrdiff_t(begin) + shift);
            c.newEnd = std::size_t(std::ptrdiff_t(end) + shift + own);
            c.changes = it != plan.changes.end() ? &it->second : &none;
            checks.push_back(c);
        }
        shift += own;
    }
    if (r < sorted.size())
        return QStringLiteral("the edit falls outside every document");

    auto run = [&](const DocumentCheck &c) { return check(file, edited, c); };
    QStringList errors;
    if (checks.size() > 64) {
        errors = QtConcurrent::blockingMapped<QStringList>(
            checks, std::function<QString(const DocumentCheck &)>(run));
    } else {
        for (const DocumentCheck &c : checks)
            errors.append(run(c));
    }
    for (const QString &e : std::as_const(errors))
        if (!e.isEmpty())
            return e;
    return {};
}

QString verifyPlan(const ParsedFile &file, const Plan &plan)
{
    std::string edited = file.text.bytes();
    if (!applyReplacements(edited, plan.replacements))
        return QStringLiteral("the edit's replacements overlap");
    return verifyPlan(file, plan, edited);
}

} // namespace deadbolt::edit
