#include "model/locate.h"

namespace deadbolt {

static Location make(const ParsedFile &file, int document, yaml::NodeId node, std::size_t offset)
{
    Location loc;
    loc.document = document;
    loc.node = node;
    loc.offset = offset;
    const LineCol lc = file.text.lineCol(offset);
    loc.line = lc.line;
    loc.column = lc.column;
    return loc;
}

Location locate(const ParsedFile &file, int document, yaml::NodeId node)
{
    return locateAt(file, document, node, node);
}

Location locateAt(const ParsedFile &file, int document, yaml::NodeId node, yaml::NodeId at)
{
    if (document < 0 || std::size_t(document) >= file.stream.documents.size())
        return {};
    const yaml::Document &doc = file.stream.documents[std::size_t(document)];
    if (at == yaml::NoNode)
        at = node;
    const std::size_t offset = at == yaml::NoNode ? doc.begin : doc.node(at).begin;
    return make(file, document, node, offset);
}

} // namespace deadbolt
