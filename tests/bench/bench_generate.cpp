// bench_generate OUTDIR: writes the benchmark inputs of tests/bench/run.
//   OUTDIR/k8s-20000.yaml     20,000 Deployments (~15 MB), with comments, realistic containers,
//                             every third one with a securityContext and an in-memory emptyDir
//   OUTDIR/compose-N.yml      N = 2,000, 20,000 and 200,000 Compose services, with tmpfs,
//                             volumes and shared blocks
// The output is deterministic so timings compare across runs.
#include <cstdio>
#include <fstream>
#include <string>

namespace {

const char *const Images[] = {"nginx:1.25",         "postgres:16",  "redis:7-alpine",
                              "wordpress:6-apache", "node:20-slim", "eclipse-temurin:21-jre",
                              "python:3.12-slim",   "busybox:1.36"};

void writeDeployment(std::ofstream &out, int i)
{
    const std::string name = "svc-" + std::to_string(i);
    const char *image = Images[i % 8];
    const bool hardened = i % 3 == 0;
    out << "---\n# Deployment " << i << ", owned by team-" << i % 17 << "\n"
        << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " << name << "\n  namespace: ns-"
        << i % 50 << "\n  labels:\n    app: " << name << "\n"
        << "spec:\n  replicas: " << i % 4 + 1 << "\n  selector:\n    matchLabels:\n      app: " << name
        << "\n  template:\n    metadata:\n      labels:\n        app: " << name << "\n    spec:\n";
    if (hardened)
        out << "      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n        "
               "fsGroup: 10001\n";
    out << "      containers:\n        - name: app\n          image: " << image << "  # pinned by tag\n"
        << "          ports:\n            - containerPort: " << 8000 + i % 1000
        << "\n              protocol: TCP\n"
        << "          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n"
        << "            limits: {cpu: 500m, memory: 256Mi}\n";
    if (hardened) {
        out << "          securityContext:\n            readOnlyRootFilesystem: true\n"
            << "            allowPrivilegeEscalation: false\n"
            << "          volumeMounts:\n            - name: tmp\n              mountPath: /tmp\n"
            << "      volumes:\n        - name: tmp\n          emptyDir:\n            medium: Memory\n"
            << "            sizeLimit: 64Mi\n";
    } else if (i % 3 == 1) {
        out << "          volumeMounts:\n            - name: data\n              mountPath: /var/lib/data\n"
            << "      volumes:\n        - name: data\n          persistentVolumeClaim:\n            "
               "claimName: "
            << name << "-data\n";
    }
}

void writeService(std::ofstream &out, int i)
{
    out << "  # service " << i << "\n  svc-" << i << ":\n";
    if (i % 4 == 0)
        out << "    <<: *defaults\n";
    out << "    image: " << Images[i % 8] << "\n";
    if (i % 4 != 0 && i % 2 == 0)
        out << "    read_only: true\n";
    out << "    environment:\n      LOG_LEVEL: info\n      INSTANCE: \"" << i << "\"\n"
        << "    ports:\n      - \"" << 10000 + i << ":80\"\n";
    if (i % 2 == 0)
        out << "    tmpfs:\n      - /tmp:size=64m\n      - /var/run:uid=33,gid=33\n";
    else
        out << "    volumes:\n      - data-" << i % 10 << ":/var/lib/data\n      - ./conf:/etc/app:ro\n";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_generate OUTDIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    {
        std::ofstream k8s(dir + "/k8s-20000.yaml", std::ios::binary);
        for (int i = 0; i < 20000; ++i)
            writeDeployment(k8s, i);
        if (!k8s)
            return 1;
    }
    // The Compose series: the same services, 2,000 to 200,000 of them (issue 12: the check's
    // time per service must stay flat).
    for (const int count : {2000, 20000, 200000}) {
        std::ofstream compose(dir + "/compose-" + std::to_string(count) + ".yml", std::ios::binary);
        compose << "# " << count
                << " generated services; every fourth takes its settings from a shared block.\n"
                << "x-defaults: &defaults\n  read_only: true\n  restart: unless-stopped\n"
                << "  logging:\n    driver: json-file\n\nservices:\n";
        for (int i = 0; i < count; ++i)
            writeService(compose, i);
        compose << "\nvolumes:\n";
        for (int i = 0; i < 10; ++i)
            compose << "  data-" << i << ":\n";
        if (!compose)
            return 1;
    }
    return 0;
}
