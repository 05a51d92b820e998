#pragma once
// Hand-built analyses for the report tests: they exercise the reports without depending
// on what the readers make of a YAML file.

#include "model/workload.h"

namespace deadbolt::testing {

inline Diagnostic finding(Severity severity, const QString &rule, const QString &message, int line,
                          int column, const QString &workload, const QString &hint = {})
{
    Diagnostic d;
    d.severity = severity;
    d.rule = rule;
    d.message = message;
    d.line = line;
    d.column = column;
    d.workload = workload;
    d.hint = hint;
    return d;
}

// compose.yml (compose-spec): web immutable with a tmpfs, db mutable with a volume and an
// error, cache undetermined with a warning, job immutable.
inline Analysis composeAnalysis()
{
    Analysis a;
    a.path = QStringLiteral("deploy/compose.yml");
    a.format = FileFormat::ComposeSpec;

    Workload web;
    web.name = QStringLiteral("web");
    web.kind = QStringLiteral("service");
    web.rootFs = RootFs::ReadOnly;
    web.location.line = 2;
    WritablePath run;
    run.target = QStringLiteral("/var/run");
    run.kind = PathKind::TmpfsShort;
    run.options = QStringLiteral("uid=33,size=16m");
    run.size = QStringLiteral("16m");
    run.uid = 33;
    run.location.line = 6;
    web.inMemory.append(run);
    a.workloads.append(web);

    Workload db;
    db.name = QStringLiteral("db");
    db.kind = QStringLiteral("service");
    db.rootFs = RootFs::WritableDefault;
    db.location.line = 8;
    WritablePath data;
    data.target = QStringLiteral("/var/lib/postgresql/data");
    data.kind = PathKind::NamedVolume;
    data.source = QStringLiteral("pgdata");
    data.location.line = 11;
    db.persistent.append(data);
    db.findings.append(finding(Severity::Error, QStringLiteral("DB001"),
                               QStringLiteral("root filesystem is writable"), 8, 3, QStringLiteral("db"),
                               QStringLiteral("add read_only: true")));
    a.workloads.append(db);

    Workload cache;
    cache.name = QStringLiteral("cache");
    cache.kind = QStringLiteral("service");
    cache.rootFs = RootFs::Undetermined;
    cache.rootFsRaw = QStringLiteral("${RO:-true}");
    cache.location.line = 12;
    cache.findings.append(finding(Severity::Warning, QStringLiteral("DB009"),
                                  QStringLiteral("read_only depends on ${RO:-true}"), 13, 16,
                                  QStringLiteral("cache")));
    a.workloads.append(cache);

    Workload job;
    job.name = QStringLiteral("job");
    job.kind = QStringLiteral("service");
    job.rootFs = RootFs::ReadOnly;
    job.location.line = 14;
    a.workloads.append(job);
    return a;
}

// A Kubernetes file with one exempted container.
inline Analysis kubernetesAnalysis()
{
    Analysis a;
    a.path = QStringLiteral("k8s/app.yaml");
    a.format = FileFormat::Kubernetes;
    Workload c;
    c.name = QStringLiteral("app");
    c.object = QStringLiteral("Deployment/prod/app");
    c.kind = QStringLiteral("Deployment");
    c.rootFs = RootFs::WritableDefault;
    c.exemption.exempt = true;
    c.exemption.tool = QStringLiteral("kube-linter");
    c.exemption.reason = QStringLiteral("legacy image");
    c.location.line = 20;
    WritablePath tmp;
    tmp.target = QStringLiteral("/tmp");
    tmp.kind = PathKind::EmptyDirMemory;
    tmp.source = QStringLiteral("tmp");
    tmp.size = QStringLiteral("64Mi");
    tmp.location.line = 30;
    c.inMemory.append(tmp);
    c.findings.append(finding(Severity::Info, QStringLiteral("DB001"),
                              QStringLiteral("root filesystem is writable (exempt)"), 20, 9,
                              c.object + QStringLiteral("/app")));
    a.workloads.append(c);
    return a;
}

inline Analysis brokenAnalysis()
{
    Analysis a;
    a.path = QStringLiteral("broken.yml");
    Diagnostic d;
    d.rule = QStringLiteral("parse");
    d.message = QStringLiteral("end of map not found");
    d.file = a.path;
    d.line = 3;
    d.column = 7;
    a.errors.append(d);
    return a;
}

inline Analysis skippedAnalysis()
{
    Analysis a;
    a.path = QStringLiteral("ci/.gitlab-ci.yml");
    a.skipReason = QStringLiteral("neither a Compose file nor Kubernetes manifests");
    return a;
}

} // namespace deadbolt::testing
