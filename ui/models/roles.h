#pragma once

#include <Qt>

namespace deadbolt {

// Every custom role of the ui models, in one place (STYLE.md, Models and views). Models
// say *what*; delegates decide how it looks.
enum Role {
    StatusRole = Qt::UserRole, // int(deadbolt::Status)
    SortRole,                  // raw value for sorting (numbers as numbers)
    WorkloadIndexRole,         // index into Analysis::workloads; -1 for a group row
    WorkloadKeyRole,           // Workload::displayName(), stable across re-analysis
    IsGroupRole,               // a Kubernetes object row holding its containers
    ReadOnlyRole,              // bool; setData asks the document for the edit
    LineRole,                  // 1-based line of the row's text
};

} // namespace deadbolt
