#include "review/gitsource.h"

#include "io/fileloader.h"
#include "review/projectreview.h"
#include "review/reviewsources.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QSet>

namespace deadbolt {

namespace {

constexpr int GitTimeoutMs = 120000;

QStringList splitNul(const QByteArray &out)
{
    QStringList names;
    for (const QByteArray &part : out.split('\0'))
        if (!part.isEmpty())
            names.append(QString::fromUtf8(part));
    return names;
}

bool isYamlName(const QString &name)
{
    return name.endsWith(QLatin1String(".yml"), Qt::CaseInsensitive) ||
           name.endsWith(QLatin1String(".yaml"), Qt::CaseInsensitive);
}

// Like findYamlFiles: hidden folders (.github, .cache) hold CI files, not deployments.
bool isHidden(const QString &name)
{
    for (const QString &part : name.split(QLatin1Char('/')))
        if (part.startsWith(QLatin1Char('.')))
            return true;
    return false;
}

} // namespace

bool GitRepository::run(const QStringList &args, QByteArray *out, QString *error) const
{
    QProcess git;
    git.setWorkingDirectory(m_workDir);
    // Messages are quoted in errors; keep them in one language, and never prompt.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    git.setProcessEnvironment(env);
    git.start(QStringLiteral("git"), args);
    if (!git.waitForStarted()) {
        *error =
            QStringLiteral("git could not be run (%1); is it installed and on PATH?").arg(git.errorString());
        return false;
    }
    git.closeWriteChannel();
    if (!git.waitForFinished(GitTimeoutMs) || git.exitStatus() != QProcess::NormalExit) {
        git.kill();
        *error = QStringLiteral("git %1 did not finish").arg(args.value(0));
        return false;
    }
    *out = git.readAllStandardOutput();
    if (git.exitCode() != 0) {
        *error = QString::fromUtf8(git.readAllStandardError()).trimmed();
        return false;
    }
    return true;
}

GitRepository GitRepository::open(const QString &workDir, QString *error)
{
    GitRepository repo;
    repo.m_workDir = QFileInfo(workDir).absoluteFilePath();
    QByteArray out;
    QString gitMessage;
    if (!repo.run({QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")}, &out, &gitMessage)) {
        *error = gitMessage.startsWith(QLatin1String("git could not be run"))
                     ? gitMessage
                     : QStringLiteral("%1 is not in a git repository")
                           .arg(QDir::toNativeSeparators(repo.m_workDir));
        return repo;
    }
    repo.m_root = QString::fromUtf8(out).trimmed();
    return repo;
}

QString GitRepository::resolve(const QString &revision, QString *error) const
{
    QByteArray out;
    QString gitMessage;
    // --end-of-options: a revision that starts with "-" is a name, never an option.
    if (revision.isEmpty() ||
        !run({QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("--quiet"),
              QStringLiteral("--end-of-options"), revision + QStringLiteral("^{commit}")},
             &out, &gitMessage)) {
        *error = gitMessage.startsWith(QLatin1String("git could not be run"))
                     ? gitMessage
                     : QStringLiteral("unknown revision '%1' in %2").arg(revision, m_root);
        return {};
    }
    return QString::fromUtf8(out).trimmed();
}

QString GitRepository::mergeBase(const QString &a, const QString &b, QString *error) const
{
    QByteArray out;
    QString gitMessage;
    if (!run({QStringLiteral("merge-base"), a, b}, &out, &gitMessage)) {
        *error = QStringLiteral("%1 and %2 have no common ancestor").arg(a, b);
        return {};
    }
    return QString::fromUtf8(out).trimmed();
}

QStringList GitRepository::filesAt(const QString &commit, const QStringList &pathspecs, QString *error) const
{
    QByteArray out;
    QStringList args{QStringLiteral("ls-tree"),     QStringLiteral("-r"),          QStringLiteral("-z"),
                     QStringLiteral("--name-only"), QStringLiteral("--full-name"), commit,
                     QStringLiteral("--")};
    if (!run(args + (pathspecs.isEmpty() ? QStringList{QStringLiteral(".")} : pathspecs), &out, error))
        return {};
    return splitNul(out);
}

QStringList GitRepository::trackedFiles(const QStringList &pathspecs, QString *error) const
{
    QByteArray out;
    QStringList args{QStringLiteral("ls-files"), QStringLiteral("-z"), QStringLiteral("--full-name"),
                     QStringLiteral("--")};
    if (!run(args + (pathspecs.isEmpty() ? QStringList{QStringLiteral(".")} : pathspecs), &out, error))
        return {};
    return splitNul(out);
}

QStringList GitRepository::allFilesAt(const QString &commit, QString *error) const
{
    QByteArray out;
    if (!run({QStringLiteral("ls-tree"), QStringLiteral("-r"), QStringLiteral("-z"),
              QStringLiteral("--name-only"), QStringLiteral("--full-tree"), commit},
             &out, error))
        return {};
    return splitNul(out);
}

bool GitRepository::readFile(const QString &commit, const QString &name, std::string *bytes,
                             QString *error) const
{
    // cat-file gives the blob's bytes as committed: `git show` could run textconv filters.
    QByteArray out;
    QString gitMessage;
    if (!run({QStringLiteral("cat-file"), QStringLiteral("blob"), commit + QLatin1Char(':') + name}, &out,
             &gitMessage)) {
        *error = QStringLiteral("%1:%2 could not be read: %3").arg(commit.left(12), name, gitMessage);
        return false;
    }
    if (out.size() > MaxFileSize) {
        *error =
            QStringLiteral("%1:%2 is larger than %3 MB").arg(commit.left(12), name).arg(MaxFileSize >> 20);
        return false;
    }
    bytes->assign(out.constData(), std::size_t(out.size()));
    return true;
}

bool resolveRange(const GitRepository &repo, const QString &range, GitRange *out, QString *error)
{
    GitRange &r = *out;
    r.beforeRev = range;
    bool fromMergeBase = false;
    if (const qsizetype dots = range.indexOf(QLatin1String("...")); dots >= 0) {
        r.beforeRev = range.left(dots);
        r.afterRev = range.mid(dots + 3);
        fromMergeBase = true;
    } else if (const qsizetype two = range.indexOf(QLatin1String("..")); two >= 0) {
        r.beforeRev = range.left(two);
        r.afterRev = range.mid(two + 2);
    }
    // "A.." means A..HEAD, as in git itself.
    if ((fromMergeBase || range.contains(QLatin1String(".."))) && r.afterRev.isEmpty())
        r.afterRev = QStringLiteral("HEAD");
    if (r.beforeRev.isEmpty())
        r.beforeRev = QStringLiteral("HEAD");
    if (!repo.isValid())
        return false;
    r.beforeCommit = repo.resolve(r.beforeRev, error);
    r.afterCommit = r.afterRev.isEmpty() ? QString() : repo.resolve(r.afterRev, error);
    if (r.beforeCommit.isEmpty() || (!r.afterRev.isEmpty() && r.afterCommit.isEmpty()))
        return false;
    if (fromMergeBase) {
        r.beforeCommit = repo.mergeBase(r.beforeCommit, r.afterCommit, error);
        if (r.beforeCommit.isEmpty())
            return false;
    }
    return true;
}

QString afterLabel(const GitRange &range)
{
    return range.afterRev.isEmpty() ? QStringLiteral("working tree") : range.afterRev;
}

bool openRange(const QString &workDir, const QString &range, Review &review, GitRepository *repo,
               GitRange *out)
{
    QString error;
    *repo = GitRepository::open(workDir, &error);
    const bool resolved = resolveRange(*repo, range, out, &error);
    review.beforeLabel = out->beforeRev;
    review.afterLabel = afterLabel(*out);
    if (!resolved)
        review.errors.append(reviewError(error));
    return resolved;
}

GitProjectSource::GitProjectSource(GitRepository repo, QString commit, QString revisionLabel,
                                   QStringList names)
    : m_repo(std::move(repo)), m_commit(std::move(commit)), m_revisionLabel(std::move(revisionLabel)),
      m_names(names.cbegin(), names.cend())
{}

namespace {

// The path with symlinks resolved as far as it exists on disk (a file only the revision has
// still gets its folder resolved), so that it compares with the repository's real root.
QString resolvedPath(const QString &absolute)
{
    QString existing = QDir::cleanPath(absolute);
    QString rest;
    while (!existing.isEmpty() && !QFileInfo::exists(existing)) {
        const qsizetype slash = existing.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0)
            return QDir::cleanPath(absolute);
        rest = existing.mid(slash) + rest;
        existing = existing.left(slash);
    }
    return QDir::cleanPath(QFileInfo(existing).canonicalFilePath() + rest);
}

} // namespace

QString GitProjectSource::nameOf(const QString &absolute) const
{
    const QString name = QDir(m_repo.root()).relativeFilePath(resolvedPath(absolute));
    return name.startsWith(QLatin1String("..")) || QDir::isAbsolutePath(name) ? QString() : name;
}

bool GitProjectSource::isFile(const QString &absolute) const
{
    const QString name = nameOf(absolute);
    // Outside the repository git has no version of it: the file on disk serves both sides.
    return name.isEmpty() ? diskSource()->isFile(absolute) : m_names.contains(name);
}

bool GitProjectSource::read(const QString &absolute, std::string *bytes, QString *error) const
{
    const QString name = nameOf(absolute);
    if (name.isEmpty())
        return diskSource()->read(absolute, bytes, error);
    if (!m_names.contains(name)) {
        *error = QStringLiteral("%1: not in %2").arg(label(absolute), m_revisionLabel);
        return false;
    }
    return m_repo.readFile(m_commit, name, bytes, error);
}

QString GitProjectSource::label(const QString &absolute) const
{
    const QString shown = QDir(resolvedPath(m_repo.workDir())).relativeFilePath(resolvedPath(absolute));
    if (nameOf(absolute).isEmpty())
        return shown; // read from disk
    return m_revisionLabel + QLatin1Char(':') + shown;
}

Review reviewGit(const QString &workDir, const QString &range, const QStringList &paths,
                 ReviewControl *control)
{
    Review review;
    GitRepository repo;
    GitRange r;
    if (!openRange(workDir, range, review, &repo, &r))
        return review;
    QString error;
    const QString &beforeRev = r.beforeRev;
    const QString &afterRev = r.afterRev;
    const QString &beforeCommit = r.beforeCommit;
    const QString &afterCommit = r.afterCommit;

    // Paths named on the command line are kept whatever their suffix; found ones must be YAML.
    const QDir work(repo.workDir());
    const QDir root(repo.root());
    QSet<QString> explicitNames;
    for (const QString &p : paths) {
        const QFileInfo info(work.absoluteFilePath(p));
        if (!info.isDir())
            explicitNames.insert(
                root.relativeFilePath(info.exists() ? info.canonicalFilePath() : info.absoluteFilePath()));
    }
    const QStringList beforeNames = repo.filesAt(beforeCommit, paths, &error);
    if (!error.isEmpty()) {
        review.errors.append(reviewError(error));
        return review;
    }
    const QStringList afterNames =
        afterRev.isEmpty() ? repo.trackedFiles(paths, &error) : repo.filesAt(afterCommit, paths, &error);
    if (!error.isEmpty()) {
        review.errors.append(reviewError(error));
        return review;
    }
    auto wanted = [&](const QString &name) {
        return explicitNames.contains(name) || (isYamlName(name) && !isHidden(name));
    };
    QMap<QString, std::pair<bool, bool>> names; // sorted: stable report order
    for (const QString &n : beforeNames)
        if (wanted(n))
            names[n].first = true;
    for (const QString &n : afterNames)
        if (wanted(n))
            names[n].second = true;
    // A named file on disk counts even when git does not track it yet.
    if (afterRev.isEmpty())
        for (const QString &n : explicitNames)
            if (QFileInfo(root.filePath(n)).isFile())
                names[n].second = true;
    for (const QString &n : explicitNames)
        if (!names.contains(n))
            review.errors.append(reviewError(
                QStringLiteral("%1: not in %2 nor in %3")
                    .arg(work.relativeFilePath(root.filePath(n)), review.beforeLabel, review.afterLabel)));

    // A folder's compose.yaml and its override are read together by docker compose: one
    // project review for them, not one per file.
    QSet<QString> beforeSet, afterSet;
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (it->first)
            beforeSet.insert(it.key());
        if (it->second)
            afterSet.insert(it.key());
    }
    const QMap<QString, QStringList> projects = defaultProjects(
        names.keys(), [&](const QString &n) { return beforeSet.contains(n); },
        [&](const QString &n) {
            return afterSet.contains(n) || (afterRev.isEmpty() && QFileInfo(root.filePath(n)).isFile());
        });
    QSet<QString> inProject;
    for (const QStringList &members : projects)
        for (const QString &m : members)
            inProject.insert(m);
    std::shared_ptr<const ProjectSource> beforeSource, afterSource;
    if (!projects.isEmpty()) {
        beforeSource = std::make_shared<GitProjectSource>(repo, beforeCommit, beforeRev,
                                                          repo.allFilesAt(beforeCommit, &error));
        afterSource = afterRev.isEmpty()
                          ? diskSource()
                          : std::make_shared<GitProjectSource>(repo, afterCommit, afterRev,
                                                               repo.allFilesAt(afterCommit, &error));
        if (!error.isEmpty()) {
            review.errors.append(reviewError(error));
            return review;
        }
    }
    const QString base = QDir::current().relativeFilePath(repo.workDir());

    if (control)
        control->total = int(names.size());
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (reviewCancelled(control, review))
            return review;
        if (control)
            ++control->done;
        const QString &name = it.key();
        error.clear();
        if (projects.contains(name)) {
            QStringList files;
            for (const QString &m : projects.value(name))
                files.append(work.relativeFilePath(root.filePath(m)));
            review.files.append(
                reviewProject({base, files, {}, beforeSource}, {base, files, {}, afterSource}));
            continue;
        }
        if (inProject.contains(name))
            continue;
        FileReview file;
        file.path = work.relativeFilePath(root.filePath(name));
        file.before.label = beforeRev + QLatin1Char(':') + file.path;
        file.after.label = afterRev.isEmpty() ? file.path : afterRev + QLatin1Char(':') + file.path;
        if (it->first) {
            file.before.present = repo.readFile(beforeCommit, name, &file.before.text, &error);
            if (!file.before.present)
                file.errors.append(reviewError(error, file.before.label));
        }
        if (afterRev.isEmpty()) {
            // Deleted from disk but still tracked: removed, as `git diff` shows it.
            file.after = readSideFromDisk(root.filePath(name), file.after.label, &error);
            if (!error.isEmpty())
                file.errors.append(reviewError(error, file.after.label));
        } else if (it->second) {
            file.after.present = repo.readFile(afterCommit, name, &file.after.text, &error);
            if (!file.after.present)
                file.errors.append(reviewError(error, file.after.label));
        }
        if (file.errors.isEmpty())
            analyzeFileReview(file);
        review.files.append(std::move(file));
    }
    return review;
}

} // namespace deadbolt
