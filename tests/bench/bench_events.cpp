// bench_events FILE: libyaml's event parser alone on FILE, one pass, nothing done with the
// events. This is the floor under `deadbolt-cli check`: tests/bench/run prints it beside the check.
#include "bareparse.h"
#include "io/fileloader.h"
#include "source/sourcetext.h"

#include <cstdio>

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
    try {
        std::printf("%zu documents\n", bench::parseBare(text.view()));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    return 0;
}
