#include "model/podspec.h"

namespace deadbolt {

const PodSpecPath *podSpecPath(std::string_view kind)
{
    for (const PodSpecPath &p : PodSpecPaths)
        if (p.kind == kind)
            return &p;
    return nullptr;
}

} // namespace deadbolt
