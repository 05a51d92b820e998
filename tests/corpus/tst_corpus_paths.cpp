// The `paths` rule of ../shared/tools/corpus_check.py, in-process: for up to three workloads
// per corpus file, add the in-memory path /deadbolt-check (size 1m) through the one edit entry
// point. What the deployment then gains is measured by the review's comparison of the two
// analyses (independent of the edit's own meaning check): exactly that path on exactly that
// workload, and nothing else anywhere in the file. The first edit of each file must still
// be accepted by the real validator when it accepted the original (DEADBOLT_NO_ORACLES=1 skips).
#include "check/analyze.h"
#include "check/checkrun.h"
#include "edit/editop.h"
#include "io/fileloader.h"
#include "model/analyzer.h"
#include "oracle.h"
#include "review/comparer.h"

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace deadbolt;

class TestCorpusPaths : public QObject
{
    Q_OBJECT
private slots:
    void addPath();
};

void TestCorpusPaths::addPath()
{
    const QString corpus = QStringLiteral(DEADBOLT_SHARED "/corpus");
    if (!QFileInfo(corpus).isDir())
        QSKIP("../shared/corpus is absent (DEADBOLT_SHARED): the corpus test needs the team's shared folder");
    deadbolt::testing::Validators validators;
    const QString probe = QStringLiteral("/deadbolt-check");
    int files = 0, edits = 0, validated = 0;
    QStringList problems;
    for (const QString &path : findYamlFiles(corpus)) {
        std::string bytes;
        QString error;
        if (!readFileBytes(path, &bytes, &error))
            continue;
        const ParsedFile file = parseText(bytes, path);
        const Analysis before = analyze(file);
        if (!file.ok() || before.format == FileFormat::Unknown)
            continue;
        ++files;
        const QString name = QFileInfo(path).fileName();
        int picked = 0;
        for (const Workload &w : before.workloads) {
            if (picked == 3)
                break;
            if (std::any_of(w.inMemory.begin(), w.inMemory.end(),
                            [&](const auto &p) { return p.target == probe; }))
                continue;
            ++picked;
            ++edits;
            EditOp op{EditOp::Kind::AddPath, w.displayName()};
            op.spec.target = probe;
            op.spec.size = QStringLiteral("1m");
            const EditResult result = planEdit(file, before, op);
            if (!result.ok) {
                problems << name + QStringLiteral(": refused: ") + result.error;
                continue;
            }
            std::string text = bytes;
            QVERIFY(applyReplacements(text, result.replacements));
            const Analysis after = analyze(parseText(text, path));
            const WorkloadChanges changes = compareAnalyses(before, after);
            const bool exact = changes.size() == 1 && changes[0].kind == ChangeKind::InMemoryPathAdded &&
                               changes[0].workload == w.displayName() && changes[0].path == probe;
            if (!exact) {
                QStringList seen;
                for (const WorkloadChange &c : changes)
                    seen << c.workload + QStringLiteral(": ") + changeKindName(c.kind) + QLatin1Char(' ') +
                                c.path;
                problems << name + QStringLiteral(": ") + w.displayName() + QStringLiteral(": changed ") +
                                seen.join(QStringLiteral("; "));
            }
            if (picked == 1) {
                const int valid = validators.keepsValid(before.format, name, bytes, text);
                validated += valid >= 0;
                if (valid == 1)
                    problems << name + QStringLiteral(": valid before, invalid after (real validator)");
            }
        }
    }
    qInfo("paths: %d files, %d edits, %d validated by the real tools, %lld problems", files, edits, validated,
          qsizetype(problems.size()));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
    QVERIFY(edits > 500); // the corpus holds ~600 such edits: a silent skip would show here
}

QTEST_GUILESS_MAIN(TestCorpusPaths)
#include "tst_corpus_paths.moc"
