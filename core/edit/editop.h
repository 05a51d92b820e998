#pragma once

#include "edit/editresult.h"
#include "model/workload.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace deadbolt {

struct ParsedFile;

// One edit a user can ask for, the same value in the editor, the CLI and the tests.
struct EditOp
{
    enum class Kind {
        SetReadOnly,     // readOnly on or off
        AddPath,         // spec
        ChangePath,      // the path at `path` gets spec (its target may move)
        RemovePath,      // the path at `path`
        MakeAllImmutable // every workload that can be read-only
    };
    EditOp() = default;
    explicit EditOp(Kind k, QString name = {}) : kind(k), workload(std::move(name)) {}

    Kind kind = Kind::SetReadOnly;
    QString workload; // the display name (`web`, `Deployment/prod/app/nginx`); empty for MakeAllImmutable
    bool readOnly = true;
    QString path;
    InMemoryPathSpec spec;
    Target target = Target::ThisWorkload;
};

// The one entry point that plans and verifies an edit on a parsed file.
EditResult planEdit(const ParsedFile &file, const Analysis &analysis, const EditOp &op);

// What a user asks for on the command line (and what a golden test's op file says), before
// it is matched to workloads:
//   --service NAME                      make NAME read-only
//   --writable NAME                     make NAME writable
//   --tmpfs NAME:/PATH[:OPTIONS]        add an in-memory path, or set these options on the
//                                       existing one (options not named are kept)
//   --no-tmpfs NAME:/PATH               remove an in-memory path
//   --shared                            change a shared block for every workload that uses it
// NAME is matched with matchWorkloads, so one request may stand for several workloads.
struct EditRequest
{
    enum class Kind { ReadOnly, Writable, Tmpfs, NoTmpfs };
    Kind kind = Kind::ReadOnly;
    QString name;
    QString path;
    QString options; // as given, "uid=33,size=16m"
};

// Parses one option's value; false with *error (the reason, without the option) otherwise.
bool parseEditRequest(EditRequest::Kind kind, const QString &value, EditRequest *out, QString *error);

// A whole argument list of the form above ("--tmpfs web:/run --shared"), in order.
// An empty list means "make every workload immutable".
bool parseEditArguments(const QStringList &args, QVector<EditRequest> *requests, bool *shared,
                        QString *error);

// The operations one request means on the file as it is now; false with *error when it
// names no workload or a path the workload does not have.
bool resolveRequest(const Analysis &analysis, const EditRequest &request, Target target, QVector<EditOp> *ops,
                    QString *error);

} // namespace deadbolt
