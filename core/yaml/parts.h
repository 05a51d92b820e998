#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace deadbolt::yaml {

// Where a stream can be cut into pieces that libyaml parses on their own, in parallel, with
// the same events as one pass over the whole: the start of a line that is a document marker
// (`---` at column 0, then a space, a tab, a line break or the end).
//
// Why that is exact. libyaml's scanner reads such a line as a DOCUMENT-START token wherever
// it is: a plain or block scalar ends before it, a quoted scalar or a flow collection open
// across it is an error ("found unexpected document indicator", "did not find expected ','"),
// and so is a simple key left without its ':'. The token ends every open block collection.
// The piece before the cut ends at the end of its input instead, which closes the same
// collections or raises an error for the same open scalar or flow collection. So a piece
// that parses without an error gives the events the whole stream gives there, and a piece
// with an error means "parse the whole stream again in one pass" (parseStream does), so the
// error reported is libyaml's own. What would not survive a cut is refused before: a UTF-16
// stream (a BOM FE FF or FF FE; libyaml reads everything else as UTF-8) and directives
// (`%YAML`, `%TAG`: a line starting with '%' anywhere, since a directive belongs to the
// document after it). Anchors are per document in YAML and in the tree builder.
//
// Returns the offsets where pieces 2..n start, increasing, at most wanted - 1 of them, each
// near an equal share of the bytes, none within minPiece bytes of another or of either end;
// empty when the stream should be parsed in one pass.
std::vector<std::size_t> cutPoints(std::string_view bytes, std::size_t wanted, std::size_t minPiece);

} // namespace deadbolt::yaml
