// check reads a big Kubernetes stream piece by piece and drops each piece's trees as it goes
// (model/piecewise.h). What it finds must be exactly what analyze() finds on the whole file:
// every workload, path, finding and location, document indices included, and the same
// fallback where the pieces cannot decide (Compose first, no Kubernetes object, YAML errors).
#include "check/analyze.h"
#include "check/checkrun.h"
#include "check/piecewise.h"
#include "report/jsonreport.h"

#include "modeldump.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace deadbolt;

namespace {

// Everything modeldump shows, and the document of every location (the pieces renumber them).
QString dump(const Analysis &a)
{
    QString out = modeldump::workloads(a.workloads, true);
    for (const Workload &w : a.workloads) {
        QStringList docs{QString::number(w.document), QString::number(w.location.document),
                         QString::number(w.rootFsLocation.document),
                         QString::number(w.rootFsProvenance.location.document),
                         QString::number(w.pathsProvenance.location.document)};
        for (const WritablePath &p : w.inMemory + w.persistent)
            docs << QString::number(p.location.document) << QString::number(p.definition.document);
        out +=
            w.displayName() + QStringLiteral(" documents ") + docs.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    for (const Diagnostic &d : a.errors + a.notes)
        out +=
            QStringLiteral("%1 %2 %3:%4 %5\n").arg(d.rule, d.file).arg(d.line).arg(d.column).arg(d.message);
    return out + QStringLiteral("format %1 skip %2\n").arg(formatName(a.format), a.skipReason);
}

struct Both
{
    bool piecewise = false; // the pieces gave the answer (no fallback)
    QString expected;
    QString actual;
};

// The whole file in one pass, and check's way: pieces of at least minPiece bytes.
Both readBoth(const std::string &bytes, std::size_t minPiece)
{
    const QString path = QStringLiteral("stream.yaml");
    Both both;
    both.expected = dump(analyze(parseText(SourceText(bytes), path, nullptr, yaml::OnePass)));
    const SourceText text(bytes);
    PiecewiseKubernetes reading(text, path, minPiece);
    ParsedFile parsed = parseText(text, path, nullptr, reading.pieces(), reading.reader());
    if (std::optional<Analysis> a = reading.analysis(parsed)) {
        both.piecewise = true;
        both.actual = dump(*a);
        return both;
    }
    if (!parsed.stream.pieceStarts.empty())
        parsed = parseText(text, path, nullptr, yaml::Pieces());
    both.actual = dump(analyze(parsed));
    return both;
}

std::string deployment(int i, const std::string &extra = {})
{
    const std::string n = std::to_string(i);
    return "---\n# deployment " + n + "\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-" + n +
           "\n  namespace: ns" + std::to_string(i % 3) +
           "\nspec:\n  template:\n    metadata:\n      annotations:\n"
           "        ignore-check.kube-linter.io/no-read-only-root-fs: \"legacy " +
           n +
           "\"\n    spec:\n      securityContext: {runAsUser: 1000, fsGroup: 2000}\n"
           "      initContainers:\n        - name: init\n          image: busybox\n"
           "      containers:\n        - name: web\n          image: &img nginx:1.25\n"
           "          securityContext:\n            readOnlyRootFilesystem: " +
           std::string(i % 2 ? "true" : "false") +
           "\n          volumeMounts:\n            - {name: tmp, mountPath: /tmp}\n"
           "            - {name: data, mountPath: /data}\n        - name: side\n          image: *img\n" +
           extra +
           "      volumes:\n        - name: tmp\n          emptyDir: {medium: Memory, sizeLimit: 16Mi}\n"
           "        - name: data\n          persistentVolumeClaim: {claimName: data-" +
           n + "}\n";
}

std::string manifest(int n, const std::string &lead = {}, int oddAt = -1, const std::string &odd = {})
{
    std::string out = lead;
    for (int i = 0; i < n; ++i)
        out += i == oddAt ? odd : deployment(i);
    return out;
}

} // namespace

class TestPiecewise : public QObject
{
    Q_OBJECT

private slots:
    void equalsWhole_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("piecewise");
        const auto row = [](const char *name, const std::string &text, bool piecewise) {
            QTest::addRow("%s", name) << QByteArray::fromStdString(text) << piecewise;
        };
        row("deployments", manifest(40), true);
        row("leading comment and empty documents", manifest(30, "---\n# head\n---\n~\n"), true);
        row("a duplicate key (a warning)",
            manifest(30, {}, 17,
                     "---\nkind: Pod\nkind: Pod\nmetadata: {name: dup}\nspec:\n  containers:\n"
                     "    - {name: c, image: x}\n"),
            true);
        row("a ConfigMap and a List",
            manifest(
                30, {}, 5,
                "---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n"
                "    metadata: {name: inlist}\n    spec:\n      containers:\n        - {name: c, image: x}\n"
                "---\nkind: ConfigMap\ndata: {a: b}\n"),
            true);
        row("a document ended by ...", manifest(30, {}, 9, deployment(9) + "...\n# after the end\n"), true);
        row("a Pod spec with a container-level extra",
            manifest(20, {}, 3,
                     deployment(3,
                                "        - name: third\n          image: redis\n          securityContext:\n"
                                "            readOnlyRootFilesystem: \"true\"\n")),
            true);
        // Where the pieces cannot decide, the file is read whole, as the editor reads it.
        row("Compose first", "services:\n  web: {image: nginx}\n" + manifest(30), false);
        row("no Kubernetes object",
            std::string(30, 'x') + "\n---\n" + std::string(3000, '#') + "\n---\na: 1\n", false);
        row("a YAML error in one piece", manifest(30, {}, 21, "---\nkind: Pod\nspec: [unclosed\n"), false);
        row("a quoted scalar across a marker", manifest(30, {}, 12, "---\nkind: Pod\nx: \"a\n---\nb\"\n"),
            false);
    }
    void equalsWhole()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, piecewise);
        for (std::size_t minPiece : {std::size_t(1), std::size_t(700), std::size_t(5000)}) {
            const Both both = readBoth(text.toStdString(), minPiece);
            QCOMPARE(both.actual, both.expected);
            if (minPiece == 1)
                QCOMPARE(both.piecewise, piecewise);
        }
    }

    // Every Kubernetes manifest of the shared corpus, cut at every document marker.
    void corpus()
    {
        const QDir dir(QStringLiteral(DEADBOLT_SHARED "/corpus/k8s"));
        if (!dir.exists())
            QSKIP("no corpus: DEADBOLT_SHARED/corpus/k8s (../shared/corpus) is absent");
        int files = 0, piecewise = 0;
        for (const QString &name :
             dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files)) {
            const QByteArray bytes = modeldump::readFile(dir.filePath(name));
            const Both both = readBoth(bytes.toStdString(), 1);
            QVERIFY2(both.actual == both.expected, qPrintable(name));
            ++files;
            piecewise += both.piecewise;
        }
        qInfo("%d files, %d read in pieces", files, piecewise);
        QVERIFY(piecewise > 0);
    }

    // checkFile itself takes the piecewise path on a file big enough to be cut: its report
    // is the report of the whole file read in one pass.
    void checkFileReport()
    {
        const std::string bytes = manifest(1500);
        QVERIFY(bytes.size() > 3 * PiecewiseKubernetes::DefaultMinPiece);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes.data(), qint64(bytes.size()));
        f.close();
        const Analysis whole = analyze(parseText(SourceText(bytes), path, nullptr, yaml::OnePass));
        QCOMPARE(whole.workloads.size(), 4500);
        const Analysis checked = checkFile(path);
        QCOMPARE(dump(checked), dump(whole));
        QCOMPARE(jsonReportText({checked}), jsonReportText({whole}));
    }
};

QTEST_GUILESS_MAIN(TestPiecewise)
#include "tst_piecewise.moc"
