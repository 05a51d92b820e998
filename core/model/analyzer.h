#pragma once

#include "model/workload.h"
#include "source/sourcetext.h"
#include "yaml/parser.h"

#include <QString>

namespace deadbolt {

// A file's text and everything parsed from it. Derived data only: the text is the truth.
struct ParsedFile
{
    QString path;
    SourceText text;
    yaml::Stream stream;
    Diagnostics errors; // encoding and parse errors, with file, line and column
    bool ok() const { return errors.isEmpty(); }
};

// Checks the encoding and parses every document. Never throws. When *cancel turns true
// meanwhile, returns soon with the error "parsing was cancelled".
ParsedFile parseText(std::string bytes, const QString &path, const yaml::Cancel *cancel = nullptr);
// The same for a text already read, with the pieces and the reader of yaml::parseStream.
ParsedFile parseText(SourceText text, const QString &path, const yaml::Cancel *cancel, yaml::Pieces pieces,
                     const yaml::PieceReader &reader = {});

FileFormat detectFormat(const ParsedFile &file);

// Reads the workloads (Compose services or Kubernetes containers) without judging them.
QVector<Workload> readCompose(const ParsedFile &file, FileFormat format);
QVector<Workload> readKubernetes(const ParsedFile &file);
// One Compose service (key and value of the `services` mapping) as its own file says it:
// YAML merge keys resolved, no override files, no `extends`.
Workload readComposeService(const ParsedFile &file, int document, yaml::NodeId key, yaml::NodeId value,
                            FileFormat format);
// Decides whether the named volume path.source is a tmpfs volume by file's top-level `volumes:`.
void classifyVolume(const ParsedFile &file, int document, WritablePath &path);

// A Compose service with no image, no build and no extends: docker compose cannot run it, so it
// is a fragment that adds to a service defined elsewhere (in an override file read alone).
bool isFragment(const yaml::Document &doc, yaml::NodeId service);

// The parser's warnings (duplicate keys) as the file-level notes analyze() gives them.
Diagnostics warningNotes(const ParsedFile &file);

} // namespace deadbolt
