#pragma once

#include "edit/editresult.h"
#include "model/workload.h"

#include <optional>

namespace deadbolt {

// A one-click fix the inspector offers next to a finding, where the core has the edit.
struct FindingFix
{
    enum Kind { MakeReadOnly, ChangePath };
    Kind kind = MakeReadOnly;
    QString label;
    QString toolTip;
    QString oldTarget;     // ChangePath: the in-memory path to change...
    InMemoryPathSpec spec; // ...into this
};

// DB001: make the root filesystem read-only. DB003: give the root-owned tmpfs the numeric
// user the service runs as. DB006: give the memory emptyDir the size limit the hint names
// (64Mi; the table edits it further). Nothing for the other rules, or where the edit would
// be refused (an exempt or Windows workload, a user given by name, the long tmpfs syntax).
std::optional<FindingFix> findingFix(const Workload &w, const Diagnostic &d);

} // namespace deadbolt
