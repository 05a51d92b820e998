// One libFuzzer target per property of tests/support/fuzzchecks.h: CMakeLists.txt builds
// this file once for each, with FUZZ_CHECK naming the fuzz::check function it holds on any
// bytes (fuzz_analyze: checkAnalyze, fuzz_reports: checkReports, fuzz_edit: checkEdits,
// fuzz_shown: checkShownEdit, fuzz_parsers: checkParsers, the libyaml / yaml-cpp differential).
#include "fuzzchecks.h"

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString problem =
        deadbolt::fuzz::FUZZ_CHECK(std::string(reinterpret_cast<const char *>(data), size));
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "property violated: %s\n", qPrintable(problem));
        __builtin_trap();
    }
    return 0;
}
