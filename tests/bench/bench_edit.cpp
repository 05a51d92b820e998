// bench_edit [FILE] [--loadall]: times the edit path on the 20,000-Deployment manifest
// (default /tmp/deadbolt-bench/k8s-20000.yaml; make it with bench_generate /tmp/deadbolt-bench).
// Targets (issues 3, 11): one edit (read-only, or an in-memory path) with its verification by text
// and by meaning < 50 ms; saving it < 500 ms; making
// every Deployment read-only < one YAML::LoadAll of the file (~7 s here; --loadall measures it).
#include "check/analyze.h"
#include "edit/editop.h"
#include "edit/readonlyedit.h"
#include "io/fileloader.h"
#include "io/filesaver.h"
#include "lap.h"
#include "model/analyzer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <yaml-cpp/yaml.h>

#include <cstdio>

using namespace deadbolt;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString path = QStringLiteral("/tmp/deadbolt-bench/k8s-20000.yaml");
    bool loadAll = false;
    for (const QString &a : args.mid(1)) {
        if (a == QLatin1String("--loadall"))
            loadAll = true;
        else
            path = a;
    }
    std::string bytes;
    QString error;
    if (!readFileBytes(path, &bytes, &error)) {
        std::fprintf(stderr, "bench_edit: %s\n(run bench_generate /tmp/deadbolt-bench first)\n",
                     qPrintable(error));
        return 2;
    }
    QElapsedTimer t;
    t.start();
    const ParsedFile file = parseText(bytes, path);
    const double parse = bench::lapMs(t);
    const Analysis analysis = analyze(file);
    const double analyse = bench::lapMs(t);
    std::printf("%s: %.1f MB, %zu documents, %lld workloads\n", qPrintable(path), double(bytes.size()) / 1e6,
                file.stream.documents.size(), qlonglong(analysis.workloads.size()));
    std::printf("  parse                      %8.1f ms\n  analyze                    %8.1f ms\n", parse,
                analyse);

    // One edit, in the middle of the file, on a workload that is not read-only yet.
    const Workload *target = nullptr;
    for (qsizetype i = analysis.workloads.size() / 2; i < analysis.workloads.size() && !target; ++i)
        if (analysis.workloads[i].rootFs != RootFs::ReadOnly)
            target = &analysis.workloads[i];
    if (!target) {
        std::fprintf(stderr, "bench_edit: no writable workload to edit\n");
        return 2;
    }
    t.restart();
    const EditResult one = setReadOnly(file, analysis, *target, true);
    const double oneEdit = bench::lapMs(t);
    if (!one.ok) {
        std::fprintf(stderr, "bench_edit: %s\n", qPrintable(one.error));
        return 1;
    }
    std::string edited = bytes;
    applyReplacements(edited, one.replacements);
    const double apply = bench::lapMs(t);
    std::printf("  one edit, verified         %8.1f ms  (target < 50)   \"%s\"\n", oneEdit,
                qPrintable(one.description));
    std::printf("  applying it                %8.1f ms\n", apply);

    // An in-memory path on the same workload: a new pod volume and a mount, verified by meaning.
    EditOp pathOp{EditOp::Kind::AddPath, target->displayName()};
    pathOp.spec.target = QStringLiteral("/var/cache/bench");
    pathOp.spec.size = QStringLiteral("16Mi");
    t.restart();
    const EditResult added = planEdit(file, analysis, pathOp);
    std::printf("  one path added, verified   %8.1f ms  (target < 50)   \"%s\"%s\n", bench::lapMs(t),
                qPrintable(added.description),
                added.ok ? "" : qPrintable(QStringLiteral("  REFUSED: ") + added.error));

    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("k8s.yaml"));
    saveFile(copy, bytes);
    SaveOptions options;
    options.expectedFingerprint = contentFingerprint(bytes);
    t.restart();
    const SaveResult saved = saveFile(copy, edited, options);
    const double save = bench::lapMs(t);
    std::printf("  saving it (fingerprint + atomic write) %6.1f ms  (target < 500)%s\n", save,
                saved.ok ? "" : qPrintable(QStringLiteral("  FAILED: ") + saved.error));

    t.restart();
    const EditResult all = makeFileImmutable(file, analysis);
    const double immutable = bench::lapMs(t);
    std::printf("  every workload read-only   %8.1f ms  (%lld workloads changed, %zu replacements)%s\n",
                immutable, qlonglong(all.affectedWorkloads.size()), all.replacements.size(),
                all.ok ? "" : qPrintable(QStringLiteral("  REFUSED: ") + all.error));

    if (loadAll) {
        t.restart();
        const std::vector<YAML::Node> docs = YAML::LoadAll(bytes);
        std::printf("  YAML::LoadAll (reference)  %8.1f ms  (%zu documents)\n", bench::lapMs(t), docs.size());
    } else {
        std::printf("  YAML::LoadAll (reference)  ~7000 ms (DESIGN.md; measure with --loadall)\n");
    }
    return one.ok && added.ok && saved.ok && all.ok ? 0 : 1;
}
