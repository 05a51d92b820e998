#pragma once

#include "edit/effect.h"
#include "edit/treevalue.h"
#include "source/replacement.h"

#include <QString>
#include <map>
#include <string>
#include <vector>

namespace deadbolt {
struct ParsedFile;
struct Analysis;
} // namespace deadbolt

namespace deadbolt::edit {

// What an operation means to do: the text replacements, and per touched document the
// changes they must make to its value tree, no more and no less.
struct Plan
{
    Replacements replacements;
    std::map<int, std::vector<TreeChange>> changes; // document index -> intended changes
    Effect effect;                                  // what the edit does to the deployment
};

struct Verdict
{
    QString error;          // empty when the plan holds, else the first problem
    QStringList unexpected; // workloads the edit changes though the effect leaves them alone
    QStringList changed;    // every workload whose settings the edit changes
    bool ok() const { return error.isEmpty(); }
};

// Checks a plan against the text it produces, by text and by meaning. Rebuilds and re-parses
// only the documents the plan touches (each from its own text plus its replacements: a
// one-line edit in a 14 MB file never copies the file), and
// (a) compares each tree with the original tree plus the intended changes;
// (b) analyses each again and compares every workload of those documents with its settings
//     in `analysis` plus exactly plan.effect (root filesystem, in-memory and persistent
//     paths with their options, the set of workloads).
// Documents are verified in parallel when there are many. The error names the document or
// the workload and the first difference.
Verdict verifyPlan(const ParsedFile &file, const Analysis &analysis, const Plan &plan);
// The text check alone, for tests of the tree comparison.
QString verifyText(const ParsedFile &file, const Plan &plan);

} // namespace deadbolt::edit
