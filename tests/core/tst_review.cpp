// The review core: pairs of files (tests/data/review/<case>/{old,new}.yaml) and the changes
// expected between them (expected.txt), one per line:
//   severity kind workload path|- oldLine newLine [fields]
#include "project/composeproject.h"
#include "review/comparer.h"
#include "review/projectreview.h"
#include "review/review.h"
#include "review/reviewsources.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace deadbolt;

namespace {

const QString Data = QStringLiteral(DEADBOLT_TESTDATA "/review");

QString describe(const WorkloadChange &c)
{
    QString line = QStringLiteral("%1 %2 %3 %4 %5 %6")
                       .arg(changeSeverityName(c.severity), changeKindName(c.kind), c.workload,
                            c.path.isEmpty() ? QStringLiteral("-") : c.path)
                       .arg(c.oldLocation.line)
                       .arg(c.newLocation.line);
    if (!c.fields.isEmpty())
        line += QLatin1Char(' ') + c.fields.join(QLatin1Char(','));
    return line;
}

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("<cannot read %1>").arg(path);
    return QString::fromUtf8(f.readAll());
}

QStringList caseNames()
{
    QStringList out;
    for (const QString &name : QDir(Data).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QFile::exists(Data + QLatin1Char('/') + name + QStringLiteral("/expected.txt")))
            out << name;
    return out;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class tst_Review : public QObject
{
    Q_OBJECT
private slots:
    void pairs_data();
    void pairs();
    void everyKindIsCovered();
    void changesCarryTheirValues();
    void duplicateServicesMatchInOrder();
    void summaryAndOrder();
    void exitCodes();
    void unreadableSideReportsNoChanges();
    void missingFileIsAnError();
    void directoriesPairByRelativePath();
    void directoryAgainstFileIsAnError();
    void corpusAgainstItselfHasNoChanges();
    void projectsCompareEffectiveWorkloads();
    void projectReadsFromItsSource();
};

void tst_Review::pairs_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = caseNames();
    // A folder that lost its cases must fail loudly, not pass with zero rows.
    QVERIFY2(names.size() >= 25,
             qPrintable(QStringLiteral("only %1 cases in %2").arg(names.size()).arg(Data)));
    for (const QString &name : names)
        QTest::addRow("%s", qPrintable(name)) << name;
}

void tst_Review::pairs()
{
    QFETCH(QString, name);
    const QString dir = Data + QLatin1Char('/') + name;
    const Review review = reviewFiles(dir + QStringLiteral("/old.yaml"), dir + QStringLiteral("/new.yaml"));
    QCOMPARE(review.files.size(), 1);
    const FileReview &file = review.files.first();
    QVERIFY2(file.errors.isEmpty(), qPrintable(file.errors.value(0).message));
    QVERIFY(!file.after.analysis.workloads.isEmpty());
    QStringList actual;
    for (const WorkloadChange &c : file.changes)
        actual << describe(c);
    QString expected = readText(dir + QStringLiteral("/expected.txt"));
    QCOMPARE(actual.join(QLatin1Char('\n')), expected.trimmed());
}

void tst_Review::everyKindIsCovered()
{
    QSet<QString> seen;
    for (const QString &name : caseNames())
        for (const QString &line : readText(Data + QLatin1Char('/') + name + QStringLiteral("/expected.txt"))
                                       .split(QLatin1Char('\n')))
            seen.insert(line.section(QLatin1Char(' '), 1, 1));
    for (int k = 0; k <= int(ChangeKind::ExemptionRemoved); ++k) {
        const QString kind = changeKindName(ChangeKind(k));
        QVERIFY2(kind != QLatin1String("unknown"), "every kind has a name");
        QVERIFY2(seen.contains(kind), qPrintable(QStringLiteral("no case expects %1").arg(kind)));
    }
}

void tst_Review::changesCarryTheirValues()
{
    const QString dir = Data + QStringLiteral("/compose-became-mutable");
    const Review review = reviewFiles(dir + QStringLiteral("/old.yaml"), dir + QStringLiteral("/new.yaml"));
    const WorkloadChange &web = review.files.first().changes.first();
    QCOMPARE(web.before, QStringLiteral("immutable"));
    QCOMPARE(web.after, QStringLiteral("mutable"));
    QCOMPARE(web.message,
             QStringLiteral("root filesystem is now writable, was read-only (read_only: true -> false)"));
    QCOMPARE(web.oldLocation.column, 16);
    QCOMPARE(web.newLocation.column, 16);
    const WorkloadChange &db = review.files.first().changes.at(1);
    QCOMPARE(db.message,
             QStringLiteral("root filesystem is now writable, was read-only (read_only: true -> not set)"));

    const QString tmpfs = Data + QStringLiteral("/compose-tmpfs-changed");
    const Review changed =
        reviewFiles(tmpfs + QStringLiteral("/old.yaml"), tmpfs + QStringLiteral("/new.yaml"));
    const WorkloadChange &run = changed.files.first().changes.first();
    QCOMPARE(run.before, QStringLiteral("tmpfs, size 1m"));
    QCOMPARE(run.after, QStringLiteral("tmpfs, size 1m, uid 33, gid 33"));
    QCOMPARE(run.message,
             QStringLiteral("writable path /var/run/apache2 changed: uid unset -> 33, gid unset -> 33"));
}

void tst_Review::duplicateServicesMatchInOrder()
{
    // Two containers with the same name in one pod are invalid, but files have them: the
    // second matches the second, so one edit reports one change.
    Analysis before;
    Analysis after;
    for (Analysis *a : {&before, &after}) {
        for (int i = 0; i < 2; ++i) {
            Workload w;
            w.name = QStringLiteral("app");
            w.kind = QStringLiteral("Pod");
            w.objectName = QStringLiteral("p");
            w.object = QStringLiteral("Pod/p");
            w.containerList = QStringLiteral("containers");
            w.rootFs = RootFs::ReadOnly;
            w.location.line = 10 * (i + 1);
            a->workloads.append(w);
        }
    }
    after.workloads[1].rootFs = RootFs::WritableExplicit;
    const WorkloadChanges changes = compareAnalyses(before, after);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().kind, ChangeKind::BecameMutable);
    QCOMPARE(changes.first().oldLocation.line, 20);
}

void tst_Review::summaryAndOrder()
{
    const QString dir = Data + QStringLiteral("/compose-became-immutable");
    Review review = reviewFiles(dir + QStringLiteral("/old.yaml"), dir + QStringLiteral("/new.yaml"));
    const QString mutableDir = Data + QStringLiteral("/compose-service-added");
    review.files +=
        reviewFiles(mutableDir + QStringLiteral("/old.yaml"), mutableDir + QStringLiteral("/new.yaml")).files;
    const ReviewSummary s = summarize(review);
    QCOMPARE(s.regressions, 1);
    QCOMPARE(s.improvements, 1);
    QCOMPARE(s.infos, 3);
    QCOMPARE(s.workloads, 3);
    QCOMPARE(s.files, 2);
    QCOMPARE(summaryLine(s), QStringLiteral("1 regression, 1 improvement, 3 other changes in 3 workloads"));
    const QVector<ReviewEntry> sorted = sortedChanges(review);
    QCOMPARE(sorted.size(), 5);
    QCOMPARE(sorted.at(0).change->kind, ChangeKind::WorkloadAdded);   // the regression, from the 2nd file
    QCOMPARE(sorted.at(1).change->kind, ChangeKind::BecameImmutable); // the improvement
    QCOMPARE(sorted.at(2).change->path, QStringLiteral("/var/cache/nginx")); // then in file order
    QCOMPARE(summaryLine(ReviewSummary{}), QStringLiteral("No change to immutability in 0 files"));
}

void tst_Review::exitCodes()
{
    auto codeFor = [](const QString &name) {
        const QString dir = Data + QLatin1Char('/') + name;
        return reviewExitCode(
            reviewFiles(dir + QStringLiteral("/old.yaml"), dir + QStringLiteral("/new.yaml")));
    };
    QCOMPARE(codeFor(QStringLiteral("compose-became-mutable")), 1);
    QCOMPARE(codeFor(QStringLiteral("compose-tmpfs-added")), 1);
    QCOMPARE(codeFor(QStringLiteral("k8s-emptydir-added")), 1);
    QCOMPARE(codeFor(QStringLiteral("compose-became-immutable")), 0);
    QCOMPARE(codeFor(QStringLiteral("compose-reformatted")), 0);
    QCOMPARE(codeFor(QStringLiteral("k8s-exemption")), 0);
}

void tst_Review::unreadableSideReportsNoChanges()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString good = tmp.filePath(QStringLiteral("good.yml"));
    const QString bad = tmp.filePath(QStringLiteral("bad.yml"));
    QVERIFY(writeFile(good, "services:\n  web:\n    image: nginx\n"));
    QVERIFY(writeFile(bad, "services:\n  web: [unclosed\n"));
    const Review review = reviewFiles(good, bad);
    QCOMPARE(review.files.size(), 1);
    QVERIFY(!review.files.first().errors.isEmpty());
    QVERIFY(review.files.first().changes.isEmpty()); // not "web removed"
    QCOMPARE(reviewExitCode(review), 2);
}

void tst_Review::missingFileIsAnError()
{
    const QString dir = Data + QStringLiteral("/compose-became-mutable");
    const Review review =
        reviewFiles(dir + QStringLiteral("/old.yaml"), dir + QStringLiteral("/no-such.yaml"));
    QCOMPARE(review.files.first().errors.size(), 1);
    QVERIFY(review.files.first().errors.first().message.contains(QLatin1String("no such file")));
    QCOMPARE(reviewExitCode(review), 2);
}

void tst_Review::directoriesPairByRelativePath()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QByteArray ro = "services:\n  web:\n    image: nginx\n    read_only: true\n";
    const QByteArray rw = "services:\n  web:\n    image: nginx\n";
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("a/deploy/web.yml")), ro));
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("b/deploy/web.yml")), rw));
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("a/same.yaml")), ro));
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("b/same.yaml")), ro));
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("a/gone.yml")), ro));
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("b/new.yml")), ro));
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("b/notes.txt")), "not yaml"));
    const Review review = reviewPaths(tmp.filePath(QStringLiteral("a")), tmp.filePath(QStringLiteral("b")));
    QVERIFY(review.errors.isEmpty());
    QStringList files;
    for (const FileReview &f : review.files)
        files << f.path + QLatin1Char('=') + fileStateName(f.state()) + QLatin1Char('/') +
                     QString::number(f.changes.size());
    QCOMPARE(
        files.join(QLatin1Char(' ')),
        QStringLiteral("deploy/web.yml=modified/1 gone.yml=removed/1 new.yml=added/1 same.yaml=unchanged/0"));
    QCOMPARE(review.files.first().changes.first().kind, ChangeKind::BecameMutable);
    QCOMPARE(reviewExitCode(review), 1);
}

void tst_Review::directoryAgainstFileIsAnError()
{
    const QString dir = Data + QStringLiteral("/compose-became-mutable");
    const Review review = reviewPaths(dir, dir + QStringLiteral("/new.yaml"));
    QCOMPARE(review.errors.size(), 1);
    QCOMPARE(reviewExitCode(review), 2);
}

void tst_Review::corpusAgainstItselfHasNoChanges()
{
    // Every real file compared with itself: matching must pair each workload with itself
    // (duplicate names, Lists, multi-document files) and find nothing.
    const QString corpus = QStringLiteral(DEADBOLT_SHARED "/corpus");
    if (!QFileInfo(corpus).isDir())
        QSKIP("the shared corpus (DEADBOLT_SHARED/corpus) is not here");
    const Review review = reviewPaths(corpus, corpus);
    QVERIFY(review.files.size() > 100);
    int workloads = 0;
    for (const FileReview &f : review.files) {
        QCOMPARE(f.state(), FileReview::Unchanged);
        workloads += int(f.after.analysis.workloads.size());
        if (!f.changes.isEmpty())
            QFAIL(qPrintable(f.path + QStringLiteral(": ") + f.changes.first().message));
    }
    QVERIFY(workloads > 100);
}

namespace {

bool put(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Files held in memory, as a revision's are: nothing of the project is on disk.
class MapSource final : public ProjectSource
{
public:
    QMap<QString, QByteArray> files;
    bool isFile(const QString &absolute) const override { return files.contains(absolute); }
    bool read(const QString &absolute, std::string *bytes, QString *error) const override
    {
        if (!files.contains(absolute)) {
            *error = absolute + QStringLiteral(": not here");
            return false;
        }
        *bytes = files[absolute].toStdString();
        return true;
    }
    QString label(const QString &absolute) const override { return QStringLiteral("mem:") + absolute; }
};

} // namespace

void tst_Review::projectsCompareEffectiveWorkloads()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    const QByteArray base = "services:\n  web:\n    image: nginx\n    read_only: true\n";
    QVERIFY(put(dir + QStringLiteral("/old/compose.yaml"), base));
    QVERIFY(put(dir + QStringLiteral("/new/compose.yaml"), base));
    const QStringList files{QStringLiteral("compose.yaml"), QStringLiteral("compose.override.yaml")};

    Review same =
        reviewProjectDirectories(dir + QStringLiteral("/old"), dir + QStringLiteral("/new"), {files[0]}, {});
    QCOMPARE(same.files.size(), 1);
    QCOMPARE(same.files[0].state(), FileReview::Unchanged);
    QVERIFY(same.files[0].changes.isEmpty());

    // The override exists on the new side only: it joins that side's merge.
    QVERIFY(
        put(dir + QStringLiteral("/new/compose.override.yaml"), "services:\n  web:\n    read_only: false\n"));
    Review r =
        reviewProjectDirectories(dir + QStringLiteral("/old"), dir + QStringLiteral("/new"), files, {});
    QCOMPARE(r.files.size(), 1);
    const FileReview &f = r.files[0];
    QVERIFY2(f.errors.isEmpty(), qPrintable(f.errors.value(0).message));
    QCOMPARE(f.state(), FileReview::Modified);
    QCOMPARE(f.before.projectFiles.size(), std::size_t(1));
    QCOMPARE(f.after.projectFiles.size(), std::size_t(2));
    QCOMPARE(f.changes.size(), 1);
    QCOMPARE(f.changes[0].kind, ChangeKind::BecameMutable);
    const ChangePlace place = changePlace(f, f.changes[0]);
    QCOMPARE(place.line, 3);
    QVERIFY2(place.label.endsWith(QLatin1String("new/compose.override.yaml")), qPrintable(place.label));
    QCOMPARE(place.path, QDir::cleanPath(dir + QStringLiteral("/new/compose.override.yaml")));
    QCOMPARE(reviewExitCode(r), 1);

    // A file on neither side is a typo: an error, and no changes.
    r = reviewProjectDirectories(dir + QStringLiteral("/old"), dir + QStringLiteral("/new"),
                                 {files[0], QStringLiteral("nope.yaml")}, {});
    QCOMPARE(r.files[0].errors.size(), 1);
    QVERIFY(r.files[0].changes.isEmpty());
    QCOMPARE(reviewExitCode(r), 2);
}

void tst_Review::projectReadsFromItsSource()
{
    auto source = std::make_shared<MapSource>();
    const QString root = QStringLiteral("/nowhere/project");
    source->files[root + QStringLiteral("/compose.yaml")] =
        "services:\n  worker:\n    extends: {file: lib/common.yaml, service: base}\n";
    source->files[root + QStringLiteral("/lib/common.yaml")] =
        "services:\n  base:\n    image: busybox\n    read_only: true\n";
    ComposeProject project = loadProject({root + QStringLiteral("/compose.yaml")}, {}, source);
    const Analysis a = analyzeProject(project);
    QVERIFY2(a.errors.isEmpty(), qPrintable(a.errors.value(0).message));
    QCOMPARE(a.workloads.size(), 1);
    QCOMPARE(a.workloads[0].status(), Status::Immutable);
    QCOMPARE(a.files, (QStringList{QStringLiteral("mem:/nowhere/project/compose.yaml"),
                                   QStringLiteral("mem:/nowhere/project/lib/common.yaml")}));
    // What the source does not hold is missing, even where the disk has it.
    source->files.remove(root + QStringLiteral("/lib/common.yaml"));
    ComposeProject broken = loadProject({root + QStringLiteral("/compose.yaml")}, {}, source);
    const Analysis b = analyzeProject(broken);
    QCOMPARE(b.errors.size(), 1);
    QVERIFY2(b.errors[0].message.contains(QLatin1String("does not exist")), qPrintable(b.errors[0].message));
    QCOMPARE(b.errors[0].line, 3);
}

QTEST_GUILESS_MAIN(tst_Review)
#include "tst_review.moc"
