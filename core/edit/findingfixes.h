#pragma once

#include "edit/editresult.h"
#include "model/workload.h"

#include <optional>

namespace deadbolt {

// A one-click fix the inspector offers next to a finding, where the core has the edit.
struct FindingFix
{
    enum Kind {
        MakeReadOnly,
        ChangePath,
        WithImagePaths, // read-only plus the paths the image needs (edit/suggested.h)
        AddImagePath,   // the one path a DB014 names, as the image knowledge gives it
    };
    Kind kind = MakeReadOnly;
    QString label;
    QString toolTip;
    QString target;                 // ChangePath: the in-memory path to change,
    std::optional<qint64> uid, gid; // the owner to give it (DB003)
    QString size;                   // or the size (DB006)
};

// DB001: make the root filesystem read-only (with the paths its image needs, when the image
// is known). DB014: add the path the image writes. DB003: give the root-owned tmpfs the numeric
// user the service runs as. DB006: give the memory emptyDir the size limit the hint names
// (64Mi; the table edits it further). Nothing for the other rules, or where the edit would
// be refused (an exempt or Windows workload, a user given by name, the long tmpfs syntax).
std::optional<FindingFix> findingFix(const Workload &w, const Diagnostic &d);

// The path's settings as they are now, with the fix applied. Taken when the fix is applied,
// from the analysis of the text as it is then: an edit typed since the button appeared stays.
InMemoryPathSpec fixedSpec(const FindingFix &fix, const WritablePath &current);

} // namespace deadbolt
