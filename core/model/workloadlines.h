#pragma once

#include "model/analyzer.h"

namespace deadbolt {

// The 1-based lines a workload's text spans (its service or container mapping).
struct LineRange
{
    int first = 0;
    int last = 0;
    bool contains(int line) const { return line >= first && line <= last; }
};

LineRange workloadLines(const ParsedFile &file, const Workload &workload);

// The workload whose text holds the line, innermost first; -1 when none.
int workloadAtLine(const ParsedFile &file, const Analysis &analysis, int line);

} // namespace deadbolt
