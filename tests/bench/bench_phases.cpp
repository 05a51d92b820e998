// bench_phases FILE: where `deadbolt-cli check` spends its time on FILE, phase by phase, next
// to libyaml's own floor (its event parser, nothing done with the events). Prints wall
// milliseconds; run it on an idle machine, a few times (tests/bench/run prints the totals).
#include "bareparse.h"
#include "check/analyze.h"
#include "io/fileloader.h"
#include "lap.h"
#include "model/analyzer.h"
#include "report/tablereport.h"
#include "yaml/parser.h"

#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    using namespace deadbolt;
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_phases FILE\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    std::string bytes;
    QString error;
    if (!readFileBytes(path, &bytes, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    QElapsedTimer t;
    t.start();
    const std::size_t documents = bench::parseBare(bytes);
    std::printf("libyaml events, no work on them             %8.0f ms  (%zu documents)\n", bench::lapMs(t),
                documents);

    QElapsedTimer total;
    total.start();
    t.restart();
    ParsedFile parsed = parseText(std::move(bytes), path);
    std::printf("parseText (encoding, libyaml, tree)         %8.0f ms\n", bench::lapMs(t));
    Analysis analysis = analyze(parsed);
    std::printf("analyze (read workloads, rules)             %8.0f ms  (%lld workloads)\n", bench::lapMs(t),
                qlonglong(analysis.workloads.size()));
    const QByteArray table = tableReport(QVector<Analysis>{analysis}).toUtf8();
    std::printf("table report                                %8.0f ms  (%lld bytes)\n", bench::lapMs(t),
                qlonglong(table.size()));
    {
        const ParsedFile gone = std::move(parsed);
        const Analysis alsoGone = std::move(analysis);
    }
    std::printf("freeing                                     %8.0f ms\n", bench::lapMs(t));
    std::printf("check's phases in all                       %8.0f ms\n", double(total.nsecsElapsed()) / 1e6);
    return 0;
}
