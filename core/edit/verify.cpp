#include "edit/verify.h"

#include "check/analyze.h"
#include "concurrency/workers.h"
#include "edit/secondreader.h"

#include "model/analyzer.h"
#include "yaml/parser.h"

#include <QSet>
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

struct Outcome
{
    QString error;
    QVector<Workload> workloads; // of the edited document, when asked for
};

Outcome check(const ParsedFile &file, const DocumentCheck &c, bool analyse)
{
    const yaml::Document &before = file.stream.documents[std::size_t(c.document)];
    TreeValue expected = treeValue(before, before.root);
    if (QString error; !applyChanges(expected, *c.changes, &error))
        return Outcome{
            QStringLiteral("document %1: the plan is inconsistent: %2").arg(c.document + 1).arg(error), {}};
    // Only this document's text is rebuilt and re-parsed, never the whole file.
    std::string text = file.text.bytes().substr(before.begin, before.end - before.begin);
    if (!applyReplacements(text, c.own))
        return Outcome{QStringLiteral("document %1: the edit's replacements overlap").arg(c.document + 1),
                       {}};
    SourceText piece(std::move(text));
    yaml::ParseError parseError;
    yaml::Document after = yaml::parseDocument(piece, {0, std::uint32_t(piece.size())}, &parseError);
    if (after.root == yaml::NoNode && !parseError.message.isEmpty())
        return Outcome{QStringLiteral("document %1 no longer parses: %2 (line %3 of the document)")
                           .arg(c.document + 1)
                           .arg(parseError.message)
                           .arg(parseError.line),
                       {}};
    const TreeValue actual = treeValue(after, after.root);
    QString where;
    if (!sameTree(expected, actual, &where))
        return Outcome{
            QStringLiteral("document %1 would change beyond the edit: %2").arg(c.document + 1).arg(where),
            {}};
    // The second, independent reader: yaml-cpp must read back what the edit wrote.
    if (const QString d = readBack(piece.bytes(), *c.changes); !d.isEmpty())
        return Outcome{
            QStringLiteral("document %1: yaml-cpp reads the edit differently: %2").arg(c.document + 1).arg(d),
            {}};
    if (!analyse)
        return {};
    // The meaning: this document analysed again on its own. Its workloads are the same as
    // in the whole file (a Compose file is one document; a Kubernetes workload lives in one).
    ParsedFile edited;
    edited.path = file.path;
    edited.text = std::move(piece);
    edited.stream.documents.push_back(std::move(after));
    return Outcome{{}, analyze(edited).workloads};
}

// Splits the plan into the documents it touches; *error when it cannot be checked per document.
std::vector<DocumentCheck> checksOf(const ParsedFile &file, const Plan &plan, QString *error)
{
    for (const Replacement &r : plan.replacements) {
        if (writesDocumentMarker(r.text)) {
            *error = QStringLiteral("the edit would start a new YAML document");
            return {};
        }
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
            break;
        DocumentCheck c;
        c.document = d;
        while (r < sorted.size() && (sorted[r].offset < end || (sorted[r].offset == end && end == size))) {
            if (sorted[r].offset + sorted[r].length > end) {
                *error = QStringLiteral("the edit crosses a document boundary");
                return {};
            }
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
        *error = QStringLiteral("the edit falls outside every document");
    return checks;
}

std::vector<Outcome> runChecks(const ParsedFile &file, const std::vector<DocumentCheck> &checks, bool analyse)
{
    std::function<Outcome(const DocumentCheck &)> run = [&](const DocumentCheck &c) {
        return check(file, c, analyse);
    };
    if (checks.size() > 64)
        return QtConcurrent::blockingMapped<std::vector<Outcome>>(parseWorkers(), checks, run);
    std::vector<Outcome> out;
    for (const DocumentCheck &c : checks)
        out.push_back(run(c));
    return out;
}

} // namespace

QString verifyText(const ParsedFile &file, const Plan &plan)
{
    QString error;
    const std::vector<DocumentCheck> checks = checksOf(file, plan, &error);
    if (!error.isEmpty())
        return error;
    for (const Outcome &o : runChecks(file, checks, false))
        if (!o.error.isEmpty())
            return o.error;
    return {};
}

Verdict verifyPlan(const ParsedFile &file, const Analysis &analysis, const Plan &plan)
{
    Verdict verdict;
    const std::vector<DocumentCheck> checks = checksOf(file, plan, &verdict.error);
    if (!verdict.error.isEmpty())
        return verdict;
    const std::vector<Outcome> outcomes = runChecks(file, checks, true);
    QVector<Workload> after;
    for (const Outcome &o : outcomes) {
        if (!o.error.isEmpty()) {
            verdict.error = o.error;
            return verdict;
        }
        after += o.workloads;
    }
    // The workloads of the touched documents, by one pass over the analysis.
    std::vector<bool> touched(file.stream.documents.size(), false);
    for (const DocumentCheck &c : checks)
        touched[std::size_t(c.document)] = true;
    auto inTouched = [&](const Workload &w) {
        return w.document >= 0 && std::size_t(w.document) < touched.size() &&
               touched[std::size_t(w.document)];
    };
    QVector<const Workload *> before;
    QSet<QString> named; // the effect's workloads found in the touched documents
    for (const Workload &w : analysis.workloads)
        if (inTouched(w)) {
            before.append(&w);
            if (const QString name = w.displayName(); plan.effect.workloads.contains(name))
                named.insert(name);
        }
    // A workload the effect names outside the touched documents must not change at all ("make
    // web writable" where it is writable already). Looked for only when there is one, so
    // that a one-line edit in a 20,000-workload file builds no other display names.
    if (named.size() < plan.effect.workloads.size())
        for (const Workload &w : analysis.workloads)
            if (!inTouched(w) && plan.effect.workloads.contains(w.displayName())) {
                before.append(&w);
                after.append(w);
            }
    const MeaningCheck meaning = checkMeaning(before, after, plan.effect);
    verdict.changed = meaning.changed;
    if (!meaning.ok()) {
        verdict.error = meaning.problems.first();
        verdict.unexpected = meaning.unexpected;
    }
    return verdict;
}

} // namespace deadbolt::edit
