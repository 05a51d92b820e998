#include "check/piecewise.h"

#include "model/format.h"
#include "policy/rules.h"

#include <algorithm>

namespace deadbolt {

namespace {

void shift(Location &l, int by)
{
    if (l.document >= 0)
        l.document += by;
}

void shift(WritablePath &p, int by)
{
    shift(p.location, by);
    shift(p.definition, by);
}

// A piece's workloads name their documents from 0 in the piece; in the file they come after
// the documents of the pieces before.
void shift(Workload &w, int by)
{
    if (w.document >= 0)
        w.document += by;
    shift(w.location, by);
    shift(w.rootFsLocation, by);
    shift(w.rootFsProvenance.location, by);
    shift(w.pathsProvenance.location, by);
    for (WritablePath &p : w.inMemory)
        shift(p, by);
    for (WritablePath &p : w.persistent)
        shift(p, by);
    for (Defeat &d : w.defeats)
        shift(d.where, by);
}

} // namespace

PiecewiseKubernetes::PiecewiseKubernetes(SourceText text, QString path, std::size_t minPiece)
    : m_text(std::move(text)), m_path(std::move(path))
{
    m_wanted.minBytes = std::max<std::size_t>(1, minPiece);
    m_wanted.count = std::max<std::size_t>(2, m_text.size() / m_wanted.minBytes);
    m_pieces.resize(m_wanted.count);
}

yaml::PieceReader PiecewiseKubernetes::reader()
{
    return [this](std::size_t index, std::vector<yaml::Document> &documents) { read(index, documents); };
}

void PiecewiseKubernetes::read(std::size_t index, std::vector<yaml::Document> &documents)
{
    if (index >= m_pieces.size())
        return; // parseStream cuts at most pieces().count pieces; never here
    Piece &piece = m_pieces[index];
    ParsedFile part;
    part.path = m_path;
    part.text = m_text;
    part.stream.documents = std::move(documents);
    // What inspectFormat() looks at, kept before the trees go: the whole file's format is
    // decided from the pieces in order (analysis()).
    piece.content = firstContentDocument(part.stream) >= 0;
    piece.composeFirst = piece.content && isCompose(inspectFormat(part).format);
    piece.kubernetes = hasKubernetesObject(part.stream);
    if (piece.kubernetes) {
        piece.workloads = readKubernetes(part);
        policy::applyRules(part, FileFormat::Kubernetes, piece.workloads);
    }
    for (yaml::Document &doc : part.stream.documents)
        doc.releaseTree();
    documents = std::move(part.stream.documents);
    piece.read = true;
}

std::optional<Analysis> PiecewiseKubernetes::analysis(const ParsedFile &parsed)
{
    const std::vector<std::size_t> &starts = parsed.stream.pieceStarts;
    if (starts.empty() || !parsed.errors.isEmpty() || starts.size() > m_pieces.size())
        return std::nullopt;
    // As inspectFormat() reads the whole: the first document with content decides Compose;
    // otherwise any document with a `kind` makes it Kubernetes.
    bool kubernetes = false;
    bool contentSeen = false;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const Piece &piece = m_pieces[i];
        if (!piece.read)
            return std::nullopt; // cannot be: parseStream reads every piece it keeps
        if (!contentSeen && piece.content) {
            contentSeen = true;
            if (piece.composeFirst)
                return std::nullopt;
        }
        kubernetes = kubernetes || piece.kubernetes;
    }
    if (!kubernetes)
        return std::nullopt;
    Analysis analysis;
    analysis.path = m_path;
    analysis.format = FileFormat::Kubernetes;
    analysis.notes = warningNotes(parsed);
    qsizetype count = 0;
    for (std::size_t i = 0; i < starts.size(); ++i)
        count += m_pieces[i].workloads.size();
    analysis.workloads.reserve(count);
    for (std::size_t i = 0; i < starts.size(); ++i) {
        QVector<Workload> workloads = std::move(m_pieces[i].workloads);
        for (Workload &w : workloads) {
            shift(w, int(starts[i]));
            analysis.workloads.append(std::move(w));
        }
    }
    return analysis;
}

} // namespace deadbolt
