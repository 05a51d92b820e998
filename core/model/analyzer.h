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

// Which documents parseText parses. The editor and the fixer parse them all, so that every
// YAML error is reported. The check may leave out the Kubernetes documents that certainly
// hold no workload (holdsNoWorkload: a Service, a ConfigMap, a large CRD), which are most of
// the bytes of many real manifests; a YAML error or duplicate key inside one of those then
// goes unreported. A file in which no parsed document is a Kubernetes object is parsed
// whole, so that its format never rests on skipped documents.
enum class ParseScope { AllDocuments, WorkloadDocuments };

// Checks the encoding (of the whole file, whatever the scope) and parses the documents.
// Never throws. When *cancel turns true meanwhile, returns soon with the error "parsing was
// cancelled".
ParsedFile parseText(std::string bytes, const QString &path, const yaml::Cancel *cancel = nullptr,
                     ParseScope scope = ParseScope::AllDocuments);

FileFormat detectFormat(const ParsedFile &file);

// Reads the workloads (Compose services or Kubernetes containers) without judging them.
QVector<Workload> readCompose(const ParsedFile &file, FileFormat format);
QVector<Workload> readKubernetes(const ParsedFile &file);

// Format detection, reading and the policy rules in one call.
Analysis analyze(const ParsedFile &file);

} // namespace deadbolt
