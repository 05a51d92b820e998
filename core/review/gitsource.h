#pragma once

#include "review/review.h"

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

    // The exact bytes of a file in a commit (`git show COMMIT:name` without any filter).
    bool readFile(const QString &commit, const QString &name, std::string *bytes, QString *error) const;

private:
    bool run(const QStringList &args, QByteArray *out, QString *error) const;

    QString m_workDir;
    QString m_root;
};

// `deadbolt-cli diff --git REV [PATH]...` (afterRevision empty: the working tree) and
// `--git REV1..REV2` / `REV1...REV2` (the latter from their merge base). Paths are relative to
// workDir; without any, the YAML files under workDir. A file missing in the old revision is
// added, one missing in the new revision or on disk is removed.
Review reviewGit(const QString &workDir, const QString &range, const QStringList &paths);

} // namespace deadbolt
