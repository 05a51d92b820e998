#pragma once

#include "project/projectsource.h"
#include "review/review.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <string>

namespace deadbolt {

// The few git plumbing commands a review needs, run with QProcess (the `git` on PATH).
// Every failure is a sentence in *error naming what went wrong: git missing, not a
// repository, an unknown revision.
class GitRepository
{
public:
    // The repository that holds workDir; invalid (and *error set) when there is none.
    static GitRepository open(const QString &workDir, QString *error);

    bool isValid() const { return !m_root.isEmpty(); }
    QString root() const { return m_root; }
    QString workDir() const { return m_workDir; }

    // The commit a revision names ("HEAD", "v1.2", "main~3"); empty plus *error when unknown.
    QString resolve(const QString &revision, QString *error) const;
    // The best common ancestor, for "A...B".
    QString mergeBase(const QString &a, const QString &b, QString *error) const;

    // Repository-relative names ("deploy/compose.yml") of the files under the pathspecs
    // (relative to workDir; none = workDir itself): in a commit, or tracked in the index.
    QStringList filesAt(const QString &commit, const QStringList &pathspecs, QString *error) const;
    QStringList trackedFiles(const QStringList &pathspecs, QString *error) const;
    // Every file of a commit, repository-relative, wherever workDir is.
    QStringList allFilesAt(const QString &commit, QString *error) const;

    // The exact bytes of a file in a commit (`git show COMMIT:name` without any filter).
    bool readFile(const QString &commit, const QString &name, std::string *bytes, QString *error) const;

private:
    bool run(const QStringList &args, QByteArray *out, QString *error) const;

    QString m_workDir;
    QString m_root;
};

// A revision range as `diff --git` takes it: REV (against the working tree, afterCommit
// empty), REV1..REV2, or REV1...REV2 (from their merge base); "A.." means A..HEAD.
struct GitRange
{
    QString beforeRev; // as the user wrote it: labels name files with it ("HEAD:compose.yml")
    QString afterRev;  // empty: the working tree
    QString beforeCommit;
    QString afterCommit;
};
// The labels are set even when resolving fails (false, with *error a sentence).
bool resolveRange(const GitRepository &repo, const QString &range, GitRange *out, QString *error);
QString afterLabel(const GitRange &range); // "working tree" or the revision
// Opens the repository of workDir and resolves the range into *repo and *out, setting the
// review's labels; false with the error in review.errors.
bool openRange(const QString &workDir, const QString &range, Review &review, GitRepository *repo,
               GitRange *out);

// A commit's files as a Compose project reads them: absolute paths (symlinks resolved) map to
// the repository's names, and reports name them "REV:path" (path relative to the working
// directory, as `diff --git` names every file). A file outside the repository is read from
// disk, the same on both sides. A symlink committed in git is read as git stores it (its
// target's name), not followed.
class GitProjectSource final : public ProjectSource
{
public:
    GitProjectSource(GitRepository repo, QString commit, QString revisionLabel, QStringList names);
    bool isFile(const QString &absolute) const override;
    bool read(const QString &absolute, std::string *bytes, QString *error) const override;
    QString label(const QString &absolute) const override;

private:
    QString nameOf(const QString &absolute) const; // repository-relative; empty outside it

    GitRepository m_repo;
    QString m_commit;
    QString m_revisionLabel;
    QSet<QString> m_names;
};

// `deadbolt-cli diff --git REV [PATH]...` (afterRevision empty: the working tree) and
// `--git REV1..REV2` / `REV1...REV2` (the latter from their merge base). Paths are relative to
// workDir; without any, the YAML files under workDir. A file missing in the old revision is
// added, one missing in the new revision or on disk is removed.
// With a control, its counts follow the files and its cancel stops between two.
Review reviewGit(const QString &workDir, const QString &range, const QStringList &paths,
                 ReviewControl *control = nullptr);

} // namespace deadbolt
