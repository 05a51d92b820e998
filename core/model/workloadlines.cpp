#include "model/workloadlines.h"

namespace deadbolt {

LineRange workloadLines(const ParsedFile &file, const Workload &workload)
{
    LineRange r;
    r.first = workload.location.line;
    if (workload.document < 0 || std::size_t(workload.document) >= file.stream.documents.size() ||
        workload.node == yaml::NoNode)
        return {r.first, r.first};
    const yaml::Document &doc = file.stream.documents[std::size_t(workload.document)];
    if (std::size_t(workload.node) >= doc.nodes.size())
        return {r.first, r.first};
    const yaml::Node &node = doc.node(workload.node);
    // A block mapping's span may end after its last line break; the line before it is the last.
    const std::size_t end = node.end > node.begin ? node.end - 1 : node.begin;
    r.last = std::max(r.first, file.text.lineOf(std::min<std::size_t>(end, file.text.size())));
    if (r.first <= 0)
        r.first = file.text.lineOf(node.begin);
    return r;
}

int workloadAtLine(const ParsedFile &file, const Analysis &analysis, int line)
{
    int best = -1;
    int bestSpan = 0;
    for (int i = 0; i < analysis.workloads.size(); ++i) {
        const LineRange r = workloadLines(file, analysis.workloads.at(i));
        if (!r.contains(line))
            continue;
        const int span = r.last - r.first;
        if (best < 0 || span < bestSpan) {
            best = i;
            bestSpan = span;
        }
    }
    return best;
}

} // namespace deadbolt
