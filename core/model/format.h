#pragma once

#include "model/analyzer.h"

namespace deadbolt {

// What detectFormat() saw, for the readers and for the file-level notes.
struct FormatInfo
{
    FileFormat format = FileFormat::Unknown;
    int document = -1;                    // Compose: the document that holds `services`
    yaml::NodeId services = yaml::NoNode; // Compose: the `services` mapping (resolved)
    yaml::NodeId version = yaml::NoNode;  // Compose: the `version` value, when written
    QString note;                         // e.g. a version that is neither 2.x nor 3.x
    QString skipReason;                   // set when the format is Unknown
};

// Reads the format the way the team's judge.py does: the first non-null document is Compose
// when it is a mapping with a `services` mapping and no `apiVersion`; otherwise the file is
// Kubernetes when any document is a mapping with a `kind`.
FormatInfo inspectFormat(const ParsedFile &file);

// True when a document is a mapping with a `kind`.
bool hasKubernetesObject(const yaml::Stream &stream);

// The first document that is not empty or null; -1 when there is none.
int firstContentDocument(const yaml::Stream &stream);

} // namespace deadbolt
