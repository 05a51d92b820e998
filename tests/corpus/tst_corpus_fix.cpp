// Makes every file of ../shared/corpus immutable and holds the result to issue 3's rules:
// (1) it parses; (2) every workload is read-only (or exempt, undetermined, Windows);
// (3) every comment line is kept; (4) no original line is deleted or rewritten, except a
// read_only / readOnlyRootFilesystem line and a line that only gains an insertion;
// (5) a file the real validator accepted is still accepted (DEADBOLT_NO_ORACLES=1 skips).
#include "check/analyze.h"
#include "edit/readonlyedit.h"
#include "io/fileloader.h"
#include "model/analyzer.h"
#include "oracle.h"
#include "source/linediff.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace deadbolt;

namespace {

std::multiset<std::string> commentLines(const std::string &text)
{
    std::multiset<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        const auto first = line.find_first_not_of(" \t");
        const auto last = line.find_last_not_of(" \t\r");
        if (first != std::string::npos && line[first] == '#')
            out.insert(line.substr(first, last - first + 1));
        start = end + 1;
    }
    return out;
}

// `added` is `old` with one contiguous piece inserted (a key added inside a flow mapping).
bool gainsInsertion(std::string_view old, std::string_view added)
{
    if (added.size() <= old.size())
        return false;
    std::size_t k = 0;
    while (k < old.size() && old[k] == added[k])
        ++k;
    return added.ends_with(old.substr(k));
}

bool allowedChange(std::string_view old, const std::vector<std::string_view> &added)
{
    if (old.find("read_only") != std::string_view::npos ||
        old.find("readOnlyRootFilesystem") != std::string_view::npos)
        return true;
    // An identical added line: the old last line had no line break and now has one
    // (the new text after it keeps the file's missing final newline).
    for (std::string_view a : added)
        if (a == old || gainsInsertion(old, a))
            return true;
    return false;
}

} // namespace

class TestCorpusFix : public QObject
{
    Q_OBJECT
private slots:
    void corpus();
};

void TestCorpusFix::corpus()
{
    const QString corpus = QStringLiteral(DEADBOLT_SHARED "/corpus");
    if (!QFileInfo(corpus).isDir())
        QSKIP("../shared/corpus is absent (DEADBOLT_SHARED): the corpus test needs the team's shared folder");
    deadbolt::testing::Validators validators;

    int files = 0, edited = 0, workloads = 0, skipped = 0, refused = 0, validated = 0;
    QStringList problems;
    for (const QString &path : findYamlFiles(corpus)) {
        std::string bytes;
        QString error;
        if (!readFileBytes(path, &bytes, &error)) {
            problems << error;
            continue;
        }
        const ParsedFile file = parseText(bytes, path);
        const Analysis before = analyze(file);
        if (!file.ok() || before.format == FileFormat::Unknown) {
            ++skipped;
            continue;
        }
        ++files;
        workloads += before.workloads.size();
        const QString name = QFileInfo(path).fileName();
        const EditResult result = makeFileImmutable(file, before);
        if (!result.ok) {
            ++refused;
            problems << name + QStringLiteral(": refused: ") + result.error;
            continue;
        }
        std::string text = bytes;
        QVERIFY(applyReplacements(text, result.replacements));
        if (text == bytes)
            continue;
        ++edited;

        const ParsedFile fixed = parseText(text, path); // (1)
        if (!fixed.ok()) {
            problems << name + QStringLiteral(": result does not parse: ") + fixed.errors.first().message;
            continue;
        }
        const Analysis after = analyze(fixed); // (2)
        for (const Workload &w : after.workloads) {
            if (w.rootFs != RootFs::ReadOnly && w.rootFs != RootFs::Undetermined && !w.exemption.exempt &&
                !w.windows)
                problems << name + QStringLiteral(": still writable: ") + w.displayName();
        }
        const auto commentsBefore = commentLines(bytes); // (3)
        const auto commentsAfter = commentLines(text);
        for (const std::string &c : commentsBefore)
            if (commentsBefore.count(c) > commentsAfter.count(c))
                problems << name + QStringLiteral(": lost comment: ") + QString::fromStdString(c);
        const std::vector<DiffLine> diff = diffLines(bytes, text); // (4)
        std::vector<std::string_view> added;
        for (const DiffLine &l : diff)
            if (l.kind == DiffLine::Added)
                added.push_back(l.text);
        for (const DiffLine &l : diff)
            if (l.kind == DiffLine::Removed && !allowedChange(l.text, added))
                problems << name + QStringLiteral(": rewrote line %1: ").arg(l.oldLine) +
                                QString::fromStdString(std::string(l.text));

        const int valid = validators.keepsValid(before.format, name, bytes, text); // (5)
        validated += valid >= 0;
        if (valid == 1)
            problems << name + QStringLiteral(": valid before, invalid after (real validator)");
    }
    qInfo("corpus fix: %d files (%d skipped as not Compose/Kubernetes or unparsable), %d workloads, %d files "
          "edited, %d refused, %d checked by a real validator, %d problems",
          files, skipped, workloads, edited, refused, validated, int(problems.size()));
    for (const QString &p : std::as_const(problems).mid(0, 60))
        qWarning("%s", qPrintable(p));
    QVERIFY(files > 0);
    QVERIFY2(
        problems.isEmpty(),
        qPrintable(QStringLiteral("%1 problems, first: %2").arg(problems.size()).arg(problems.value(0))));
}

QTEST_GUILESS_MAIN(TestCorpusFix)
#include "tst_corpus_fix.moc"
