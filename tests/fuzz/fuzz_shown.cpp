// libFuzzer target: the properties of fuzz::checkShownEdit (tests/support/fuzzchecks.h) on any bytes.
#include "fuzzchecks.h"

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString problem =
        deadbolt::fuzz::checkShownEdit(std::string(reinterpret_cast<const char *>(data), size));
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "property violated: %s\n", qPrintable(problem));
        __builtin_trap();
    }
    return 0;
}
