#include "edit/verify.h"
#include "concurrency/workers.h"

#include "model/analyzer.h"
#include "yaml/parser.h"

#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>

namespace deadbolt::edit {

namespace {

struct DocumentCheck
{
    int document = 0;
    Replacements own; // this document's replacements, offsets relative to its begin
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

QString check(const ParsedFile &file, const DocumentCheck &c)
{
    const yaml::Document &before = file.stream.documents[std::size_t(c.document)];
    TreeValue expected = treeValue(before, before.root);
    QString error;
    for (const TreeChange &change : *c.changes) {
        if (!applyChange(expected, change, &error))
            return QStringLiteral("document %1: the plan is inconsistent: %2").arg(c.document + 1).arg(error);
    }
    // Only this document's text is rebuilt and re-parsed, never the whole file.
    std::string text = file.text.bytes().substr(before.begin, before.end - before.begin);
    if (!applyReplacements(text, c.own))
        return QStringLiteral("document %1: the edit's replacements overlap").arg(c.document + 1);
    const SourceText piece(std::move(text));
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

QString verifyPlan(const ParsedFile &file, const Plan &plan)
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

    // Walk documents and replacements together, giving each touched document its own
    // replacements (an insertion at the very end of the file belongs to the last one).
    std::vector<DocumentCheck> checks;
    std::size_t r = 0;
    for (int d = 0; d < int(docs.size()); ++d) {
        const std::size_t begin = docs[std::size_t(d)].begin;
        const std::size_t end = docs[std::size_t(d)].end;
        if (r < sorted.size() && sorted[r].offset < begin)
            return QStringLiteral("the edit falls outside every document");
        DocumentCheck c;
        c.document = d;
        while (r < sorted.size() && (sorted[r].offset < end || (sorted[r].offset == end && end == size))) {
            if (sorted[r].offset + sorted[r].length > end)
                return QStringLiteral("the edit crosses a document boundary");
            Replacement local = sorted[r];
            local.offset -= begin;
            c.own.push_back(std::move(local));
            ++r;
        }
        const auto it = plan.changes.find(d);
        if (!c.own.empty() || it != plan.changes.end()) {
            c.changes = it != plan.changes.end() ? &it->second : &none;
            checks.push_back(std::move(c));
        }
    }
    if (r < sorted.size())
        return QStringLiteral("the edit falls outside every document");

    auto run = [&](const DocumentCheck &c) { return check(file, c); };
    QStringList errors;
    if (checks.size() > 64) {
        errors = QtConcurrent::blockingMapped<QStringList>(
            parseWorkers(), checks, std::function<QString(const DocumentCheck &)>(run));
    } else {
        for (const DocumentCheck &c : checks)
            errors.append(run(c));
    }
    for (const QString &e : std::as_const(errors))
        if (!e.isEmpty())
            return e;
    return {};
}

} // namespace deadbolt::edit
