// bench_events FILE: yaml-cpp's event parser alone, with a handler that does nothing, on
// FILE's documents split as the check splits them and shared over the same worker threads.
// This is the floor under `deadbolt-cli check`: tests/bench/run prints it beside the check.
#include "bareparse.h"
#include "concurrency/workers.h"
#include "io/fileloader.h"
#include "yaml/parser.h"

#include <QtConcurrent/QtConcurrentMap>

#include <cstdio>
#include <numeric>

int main(int argc, char **argv)
{
    using namespace deadbolt;
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_events FILE\n");
        return 2;
    }
    std::string bytes;
    QString error;
    if (!readFileBytes(QString::fromLocal8Bit(argv[1]), &bytes, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const SourceText text{std::move(bytes)};
    const std::vector<yaml::DocumentSpan> spans = yaml::splitDocuments(text);
    std::vector<std::size_t> indices(spans.size());
    std::iota(indices.begin(), indices.end(), std::size_t(0));
    try {
        QtConcurrent::blockingMap(parseWorkers(), indices, [&](std::size_t i) {
            bench::parseBare(text.view().substr(spans[i].begin, spans[i].end - spans[i].begin));
        });
    } catch (const std::exception &e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    std::printf("%zu documents\n", spans.size());
    return 0;
}
