#pragma once

#include "check/analyze.h"
#include "model/analyzer.h"

#include <optional>
#include <vector>

namespace deadbolt {

// check's reading of a big Kubernetes stream in less memory. Each piece of the stream
// (yaml::parseStream with a PieceReader) has its workloads read and judged on the parse
// worker as soon as it is parsed, and its trees released there, so that a 15 MB manifest
// never holds its 1.6 million nodes at once (peak memory: issue 12). The result equals
// analyze() of the whole file (tst_piecewise holds the two equal); as no trees are left,
// it is for reports, never for editing.
//
//     PiecewiseKubernetes reading(text, path);
//     ParsedFile parsed = parseText(text, path, nullptr, reading.pieces(), reading.reader());
//     if (auto analysis = reading.analysis(parsed)) ...;
//     else if (!parsed.stream.pieceStarts.empty()) parsed = parseText(text, path); // read it whole
class PiecewiseKubernetes
{
public:
    // Many pieces, so that the pieces the workers hold at a time are a small part of the file.
    static constexpr std::size_t DefaultMinPiece = 256 * 1024;
    PiecewiseKubernetes(SourceText text, QString path, std::size_t minPiece = DefaultMinPiece);

    yaml::Pieces pieces() const { return m_wanted; }
    yaml::PieceReader reader(); // for parseStream: reads pieces into this object

    // The analysis when the stream was read in pieces and is Kubernetes; nullopt when it was
    // parsed in one pass (its trees are whole: analyze it) or is not Kubernetes (its trees are
    // released: parse it again).
    std::optional<Analysis> analysis(const ParsedFile &parsed);

private:
    struct Piece
    {
        bool read = false;
        bool content = false;      // a document that is not empty or null
        bool composeFirst = false; // its first such document reads as a Compose file
        bool kubernetes = false;   // a document with `kind`
        QVector<Workload> workloads;
    };
    void read(std::size_t index, std::vector<yaml::Document> &documents);

    SourceText m_text; // shared with the caller's: the pieces place their workloads in it
    QString m_path;
    yaml::Pieces m_wanted;
    std::vector<Piece> m_pieces; // one per piece parseStream may cut, each filled by its worker
};

} // namespace deadbolt
