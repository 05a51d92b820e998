// bench_loadall FILE: only YAML::LoadAll, the baseline tests/bench/run compares the check with.
#include <cstdio>
#include <yaml-cpp/yaml.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_loadall FILE\n");
        return 2;
    }
    try {
        const std::vector<YAML::Node> docs = YAML::LoadAllFromFile(argv[1]);
        std::printf("%zu documents\n", docs.size());
    } catch (const YAML::Exception &e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
