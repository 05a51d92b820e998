// Holds the core against real files (../shared/corpus): every file loads without a crash, and
// the workloads it finds (and how many of them are read-only) equal an independent count made
// here with yaml-cpp's YAML::Node API, which shares nothing with our event parser and readers.
#include "check/checkrun.h"
#include "edit/secondreader.h"
#include "model/analyzer.h"
#include "report/jsonreport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <optional>

using namespace deadbolt;

namespace {

const QString Corpus = QStringLiteral(DEADBOLT_SHARED "/corpus");

struct Count
{
    int workloads = 0;
    int readOnly = 0;
};

// A mapping lookup that follows merge keys the way Compose does: own keys first, then the
// merged mappings in order (`<<: *a` or `<<: [*a, *b]`), recursively. An absent key gives an
// undefined node (a default YAML::Node() would be a defined null, so it is not used for that).
const YAML::Node Absent = YAML::Node(YAML::NodeType::Undefined);

YAML::Node lookup(const YAML::Node &map, const std::string &key, int depth = 0)
{
    if (!map.IsDefined() || !map.IsMap() || depth > 32)
        return Absent;
    for (const auto &kv : map)
        if (kv.first.IsScalar() && kv.first.Scalar() == key)
            return kv.second;
    for (const auto &kv : map) {
        if (!kv.first.IsScalar() || kv.first.Scalar() != "<<")
            continue;
        if (kv.second.IsMap())
            return lookup(kv.second, key, depth + 1);
        if (kv.second.IsSequence()) {
            for (const auto &m : kv.second) {
                const YAML::Node found = lookup(m, key, depth + 1);
                if (found.IsDefined())
                    return found;
            }
        }
    }
    return Absent;
}

// true, false, or nullopt for "undetermined" (interpolated), as YAML 1.1 booleans read.
std::optional<bool> readOnlyValue(const YAML::Node &v)
{
    if (!v.IsDefined() || v.IsNull())
        return false;
    if (!v.IsScalar())
        return v.size() > 0;
    const QString s = QString::fromStdString(v.Scalar()).trimmed().toLower();
    if (s.contains(QLatin1String("${")) || s.startsWith(QLatin1Char('$')))
        return std::nullopt;
    return s == QLatin1String("true") || s == QLatin1String("yes") || s == QLatin1String("on") ||
           s == QLatin1String("y");
}

const std::vector<std::pair<std::string, std::vector<std::string>>> PodSpecPaths = {
    {"Pod", {"spec"}},
    {"Deployment", {"spec", "template", "spec"}},
    {"StatefulSet", {"spec", "template", "spec"}},
    {"DaemonSet", {"spec", "template", "spec"}},
    {"ReplicaSet", {"spec", "template", "spec"}},
    {"ReplicationController", {"spec", "template", "spec"}},
    {"Job", {"spec", "template", "spec"}},
    {"CronJob", {"spec", "jobTemplate", "spec", "template", "spec"}},
    {"PodTemplate", {"template", "spec"}},
};

std::string scalar(const YAML::Node &n)
{
    return n.IsDefined() && n.IsScalar() ? n.Scalar() : std::string();
}

void countKubernetes(const YAML::Node &doc, Count *count, int depth = 0)
{
    if (!doc.IsMap() || depth > 8)
        return;
    const std::string kind = scalar(lookup(doc, "kind"));
    if (kind == "List") {
        const YAML::Node items = lookup(doc, "items");
        if (items.IsSequence())
            for (const auto &item : items)
                countKubernetes(item, count, depth + 1);
        return;
    }
    for (const auto &[k, path] : PodSpecPaths) {
        if (k != kind)
            continue;
        // reset() rebinds; `spec = ...` would assign into the node spec refers to.
        YAML::Node spec;
        spec.reset(doc);
        for (const std::string &step : path)
            spec.reset(lookup(spec, step));
        if (!spec.IsMap())
            return;
        for (const char *list : {"initContainers", "containers", "ephemeralContainers"}) {
            const YAML::Node containers = lookup(spec, list);
            if (!containers.IsSequence())
                continue;
            for (const auto &c : containers) {
                if (!c.IsMap())
                    continue;
                ++count->workloads;
                const YAML::Node sc = lookup(c, "securityContext");
                if (sc.IsMap() && readOnlyValue(lookup(sc, "readOnlyRootFilesystem")) == true)
                    ++count->readOnly;
            }
        }
    }
}

// The independent count: Compose services, or Kubernetes containers of workload kinds.
Count independentCount(const std::vector<YAML::Node> &docs)
{
    Count count;
    YAML::Node first;
    for (const YAML::Node &d : docs) {
        if (d.IsDefined() && !d.IsNull()) {
            first.reset(d);
            break;
        }
    }
    if (first.IsMap() && lookup(first, "services").IsMap() && !lookup(first, "apiVersion").IsDefined()) {
        for (const auto &kv : lookup(first, "services")) {
            ++count.workloads;
            if (kv.second.IsMap() && readOnlyValue(lookup(kv.second, "read_only")) == true)
                ++count.readOnly;
        }
        return count;
    }
    for (const YAML::Node &d : docs)
        countKubernetes(d, &count);
    return count;
}

// yaml-cpp's Node API does not skip a BOM by itself.
std::string fileText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray bytes = f.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    return bytes.toStdString();
}

} // namespace

class TestCorpusCheck : public QObject
{
    Q_OBJECT

    int m_files = 0;
    int m_workloads = 0;
    int m_readOnly = 0;
    int m_skipped = 0;
    qint64 m_ourMs = 0;
    qint64 m_loadAllMs = 0;

private slots:
    void workloadsMatchIndependentCount_data()
    {
        QTest::addColumn<QString>("path");
        if (!QFileInfo(Corpus).isDir())
            return;
        QDirIterator it(Corpus, {QStringLiteral("*.yml"), QStringLiteral("*.yaml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString &f : files)
            QTest::addRow("%s", qPrintable(QDir(Corpus).relativeFilePath(f))) << f;
    }
    void workloadsMatchIndependentCount()
    {
        if (!QFileInfo(Corpus).isDir())
            QSKIP("no corpus: DEADBOLT_SHARED/corpus (../shared/corpus) is absent");
        QFETCH(QString, path);

        QElapsedTimer timer;
        timer.start();
        const Analysis ours = checkFile(path);
        m_ourMs += timer.elapsed();

        std::vector<YAML::Node> docs;
        timer.restart();
        try {
            docs = YAML::LoadAll(fileText(path));
        } catch (const YAML::Exception &e) {
            // yaml-cpp accepts more than libyaml, never less: what it refuses, we refuse too.
            QVERIFY2(!ours.errors.isEmpty(), e.what());
            return;
        }
        m_loadAllMs += timer.elapsed();
        QVERIFY2(ours.errors.isEmpty(), qPrintable(ours.errors.value(0).message));
        // The second reader reads every document of every corpus file as we do.
        const ParsedFile parsed = parseText(fileText(path), path);
        QCOMPARE(parsed.stream.documents.size(), docs.size());
        for (std::size_t i = 0; i < docs.size(); ++i) {
            const auto &d = parsed.stream.documents[i];
            const QString diff = edit::differenceFrom(edit::treeValue(d, d.root), docs[i]);
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("document %1: %2").arg(i + 1).arg(diff)));
        }

        const Count expected = independentCount(docs);
        int readOnly = 0;
        for (const Workload &w : ours.workloads)
            // The setting, as the independent count reads it: a read-only root that privileged
            // or the Docker socket undoes (status immutable-defeated) is still set read-only.
            readOnly += w.rootFs == RootFs::ReadOnly;
        ++m_files;
        m_skipped += !ours.skipReason.isEmpty();
        m_workloads += int(ours.workloads.size());
        m_readOnly += readOnly;
        QCOMPARE(ours.workloads.size(), expected.workloads);
        QCOMPARE(readOnly, expected.readOnly);
    }

    // The team's independent reader (PyYAML) against the real binary, JSON output included.
    void corpusCheckScript()
    {
        if (!QFileInfo(Corpus).isDir())
            QSKIP("no corpus: DEADBOLT_SHARED/corpus (../shared/corpus) is absent");
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        if (QProcess::execute(python, {QStringLiteral("-c"), QStringLiteral("import yaml")}) != 0)
            QSKIP("python3 has no PyYAML (Debian package python3-yaml)");
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(python, {QStringLiteral(DEADBOLT_SHARED "/tools/corpus_check.py"), QStringLiteral("check"),
                         QStringLiteral(DEADBOLT_CLI), Corpus});
        QVERIFY(p.waitForFinished(25 * 60 * 1000));
        const QString out = QString::fromUtf8(p.readAll());
        qInfo().noquote() << out.trimmed();
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(out));
    }

    void cleanupTestCase()
    {
        if (m_files > 0)
            qInfo("corpus: %d files (%d skipped as neither format), %d workloads, %d read-only; "
                  "check %lld ms in total, YAML::LoadAll %lld ms",
                  m_files, m_skipped, m_workloads, m_readOnly, m_ourMs, m_loadAllMs);
    }
};

QTEST_GUILESS_MAIN(TestCorpusCheck)
#include "tst_corpus_check.moc"
