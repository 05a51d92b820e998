#pragma once

#include "edit/editresult.h"
#include "edit/filestyle.h"
#include "edit/renderer.h"
#include "edit/verify.h"

#include <QString>
#include <QVector>
#include <functional>
#include <optional>

namespace deadbolt {
struct ParsedFile;
struct Analysis;
struct Workload;
} // namespace deadbolt

namespace deadbolt::edit {

// Plans text replacements for structural changes to a parsed file, in the file's own
// style, and records the change each one means for verification. It never re-serialises
// existing nodes: it inserts new lines next to existing ones, splices into flow
// collections, replaces one scalar, or deletes the lines of one entry.
//
// Every method returns false and sets error() when the change cannot be planned safely
// (a layout it does not understand); the plan is then incomplete and must be dropped.
class Planner
{
public:
    Planner(const ParsedFile &file, const FileStyle &style);

    const FileStyle &style() const { return m_style; }
    const QString &error() const { return m_error; }
    const Plan &plan() const { return m_plan; }
    Plan takePlan() { return std::move(m_plan); }
    // What the planned text changes mean for the deployment, checked after planning.
    Effect &effect() { return m_plan.effect; }

    // Replaces one scalar, alias or explicit null by `value` (anchor and tag kept).
    bool replaceScalar(int doc, yaml::NodeId node, TreeValue value);
    // Adds `key: value` to a mapping: after the entry whose key is `after`, or after the
    // last entry when `after` is NoNode. A block mapping gains lines at the column of its
    // keys; a flow mapping gains `, key: value` in flow style.
    bool addEntry(int doc, yaml::NodeId map, const std::string &key, TreeValue value,
                  yaml::NodeId after = yaml::NoNode);
    // Gives an entry whose value is empty (`key:`) or a scalar a new, block or flow, value.
    bool setEntryValue(int doc, yaml::NodeId map, yaml::NodeId key, TreeValue value);
    bool removeEntry(int doc, yaml::NodeId map, yaml::NodeId key);
    bool appendItem(int doc, yaml::NodeId seq, TreeValue value);
    bool removeItem(int doc, yaml::NodeId seq, int index);

    // Records that the edit cannot be planned, for reasons found by the caller.
    bool planFailure(const QString &message) { return fail(message); }

    // The value tree a string becomes: plain where that is safe in the given context.
    static TreeValue text(const std::string &s);

private:
    bool fail(const QString &message);
    void replace(int doc, std::size_t offset, std::size_t length, std::string text, TreeChange change);
    bool inFlow(const yaml::Document &d, yaml::NodeId node) const;
    std::size_t contentEnd(const yaml::Document &d, yaml::NodeId node) const;
    std::size_t insertionLineEnd(const yaml::Document &d, yaml::NodeId node) const;
    std::pair<std::size_t, std::size_t> blockLinesRange(std::size_t firstLineOffset,
                                                        std::size_t endOffset) const;

    const ParsedFile &m_file;
    const std::string &m_text;
    FileStyle m_style;
    Renderer m_render;
    Plan m_plan;
    QString m_error;
};

// Turns a planner's work into an EditResult: refused when planning failed, when the
// replacements do not apply, or when verification (text and meaning) finds any difference
// beyond the plan. *unexpected, when given, gets the workloads that would change though
// the effect leaves them alone.
EditResult finishEdit(const ParsedFile &file, const Analysis &analysis, Planner &planner,
                      const QString &description, const QStringList &affected,
                      QStringList *unexpected = nullptr);

// One attempt at an edit: plans into `planner` (its replacements and planner.effect()), with
// the workloads in `pinned` given their own copy of what the edit would otherwise change for
// them, and lists in *affected the workloads it means to change.
using Attempt =
    std::function<bool(Planner &planner, const QVector<const Workload *> &pinned, QStringList *affected)>;

// Plans and verifies an edit. When it is for this workload only and other workloads would
// change with it (they merge a mapping the edit writes in: an anchored service), plans it once
// more with those pinned, and says so in the description ("... (b keep their own `kept`)").
EditResult planKeepingOthers(const ParsedFile &file, const Analysis &analysis, const QString &description,
                             Target target, const QString &kept, const Attempt &attempt);

// A file that did not parse cleanly is not edited: verification needs its tree.
std::optional<QString> notEditable(const ParsedFile &file);

} // namespace deadbolt::edit
