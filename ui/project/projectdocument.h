#pragma once

#include "model/workload.h"
#include "project/composeproject.h"
#include "project/projectedit.h"

#include <QMap>
#include <QObject>
#include <QStringList>
#include <QUndoStack>
#include <functional>
#include <string>

namespace deadbolt {

struct EditRequest;

// An open Compose project (File > Open Project): the text of each of its files (the truth),
// one undo history for the whole project, and its effective workloads, merged from the
// texts as they are in the editor. Edits are planned and verified over the merged project
// by core's ProjectEditor; a step that touches two files is one step. Saving writes every
// changed file together (all or none). The texts are shown, not typed into: a file is typed
// into when it is opened alone.
class ProjectDocument : public QObject
{
    Q_OBJECT
public:
    explicit ProjectDocument(QObject *parent = nullptr);

    // The -f files in order (a folder: its compose.yaml and override). False with *error
    // when none is given or found; a project that does not merge loads, with its errors.
    bool load(const QStringList &files, const QString &directory, QString *error);

    QString directory() const { return m_directory; }
    QStringList topLevelFiles() const { return m_topLevel; } // absolute, in -f order
    const ComposeProject &project() const { return m_project; }
    const Analysis &analysis() const { return m_analysis; }
    // How the window names a file: relative to the project directory.
    QString shownName(const QString &absolute) const;
    QString text(const QString &absolute) const;
    bool isFileModified(const QString &absolute) const;
    bool isModified() const { return !m_undo.isClean(); }
    QUndoStack *undoStack() { return &m_undo; }

    // One request (a workload made read-only or writable, a path added or removed) as one
    // undo step; false with *error and nothing changed when it is refused.
    bool edit(const EditRequest &request, const Placement &placement, QString *error);
    bool makeAllImmutable(const Placement &placement, QString *error);

    // Writes the changed files, each atomically and all or none; a file changed on disk
    // since it was read is refused and every edit stays in the editor.
    bool save(QString *error);

    // What one undo step restores or redoes (ProjectEditCommand).
    struct State
    {
        QMap<QString, std::string> texts; // the files it touches; a missing one: not created yet
        QStringList topLevel;
    };
    void restore(const State &state, const QStringList &paths);

signals:
    void changed(); // the texts and so the analysis

private:
    bool run(const std::function<bool(ProjectEditor &, QStringList *, QString *)> &plan, const QString &what,
             QString *error);
    void reanalyse();

    QString m_directory;
    QStringList m_topLevel;
    QMap<QString, std::string> m_texts; // every file of the project, as in the editor
    QMap<QString, std::string> m_saved; // as on disk when read or saved; absent: not on disk
    ComposeProject m_project;
    Analysis m_analysis;
    QUndoStack m_undo;
};

} // namespace deadbolt
