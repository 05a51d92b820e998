#pragma once

#include "edit/editop.h"
#include "project/composeproject.h"

#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace deadbolt {

// Where the edits of a project go (fix -f ... [--into FILE | --override FILE]).
struct Placement
{
    enum class Kind {
        Default,  // the file the effective value is written in, else the last file that defines the service
        Into,     // this file of the project
        Override, // this override file, created or extended: every other file stays byte-identical
    };
    Kind kind = Kind::Default;
    QString file;
};

// Edits a Compose project as docker compose merges it. Each operation goes into one file,
// is planned and verified there with the one-file edits, and is then verified over the
// merged project: every effective workload must change exactly as the operation declares
// (edit/effect.h), the others not at all, or the operation is refused and nothing changes.
class ProjectEditor
{
public:
    explicit ProjectEditor(ComposeProject project);

    const ComposeProject &project() const { return m_project; }
    const Analysis &analysis() const { return m_analysis; } // the merged workloads as edited so far
    // SharedBlock (fix --shared): a value a YAML shared block (<<: *x) gives is changed in the
    // block, for every service of that file that merges it; each of them must then change so
    // over the merged project (a later file overriding one of them refuses the edit).
    void setTarget(Target target) { m_target = target; }

    // One request (--service, --tmpfs...: every workload it names). False with *error and
    // nothing changed when it cannot be made exactly. *notes gets what a user should hear.
    bool apply(const EditRequest &request, const Placement &placement, QStringList *notes, QString *error);
    // Every mutable workload read-only (fix without requests).
    bool makeAllImmutable(const Placement &placement, QStringList *notes, QString *error);

    struct Change
    {
        QString path;  // absolute
        QString shown; // as reports name it
        std::string before;
        std::string after;
        bool created = false; // a new override file
    };
    std::vector<Change> changes() const; // the files whose text changed, in project order

private:
    bool applyOp(const EditOp &op, const Placement &placement, QStringList *notes, QString *error);
    int chooseFile(const Workload &w, const EditOp &op, const Placement &placement, QString *error);
    int overrideFile(const QString &path, QString *error);
    bool edit(int file, const EditOp &op, std::string *text, QStringList *affected, QString *error) const;
    bool setText(ComposeProject &project, int file, std::string text, QString *error) const;

    ComposeProject m_project;
    Analysis m_analysis;
    std::vector<std::string> m_original; // per file, as read ("" for a created one)
    std::vector<bool> m_created;
    Target m_target = Target::ThisWorkload;
};

// The first lines of an override file fix --override creates.
std::string overrideHeader(const QStringList &baseFiles, const QString &overrideFile);

} // namespace deadbolt
