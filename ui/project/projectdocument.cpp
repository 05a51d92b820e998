#include "project/projectdocument.h"

#include "edit/editop.h"
#include "io/filesaver.h"

#include <QDir>
#include <QFileInfo>
#include <QUndoCommand>

namespace deadbolt {

namespace {

// The editor's texts over the disk: what the project reads while it has unsaved edits.
class EditorSource final : public ProjectSource
{
public:
    explicit EditorSource(QMap<QString, std::string> texts) : m_texts(std::move(texts)) {}
    bool isFile(const QString &absolute) const override
    {
        return m_texts.contains(absolute) || diskSource()->isFile(absolute);
    }
    bool read(const QString &absolute, std::string *bytes, QString *error) const override
    {
        if (const auto it = m_texts.constFind(absolute); it != m_texts.cend()) {
            *bytes = *it;
            return true;
        }
        return diskSource()->read(absolute, bytes, error);
    }

private:
    QMap<QString, std::string> m_texts;
};

// One edit of the project: the touched files' texts before and after, and the -f list
// (which a created override file joins).
class ProjectEditCommand : public QUndoCommand
{
public:
    ProjectEditCommand(ProjectDocument *doc, ProjectDocument::State before, ProjectDocument::State after,
                       QStringList paths, const QString &text)
        : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after)),
          m_paths(std::move(paths))
    {}
    void redo() override { m_doc->restore(m_after, m_paths); }
    void undo() override { m_doc->restore(m_before, m_paths); }

private:
    ProjectDocument *m_doc;
    ProjectDocument::State m_before;
    ProjectDocument::State m_after;
    QStringList m_paths;
};

} // namespace

ProjectDocument::ProjectDocument(QObject *parent) : QObject(parent)
{}

bool ProjectDocument::load(const QStringList &files, const QString &directory, QString *error)
{
    QStringList given = files;
    if (given.size() == 1 && QFileInfo(given.first()).isDir())
        given = defaultProjectFiles(given.first());
    if (given.isEmpty()) {
        *error = files.size() == 1 ? tr("%1 holds no compose.yaml, compose.yml, docker-compose.yaml or "
                                        "docker-compose.yml")
                                         .arg(QDir::toNativeSeparators(files.first()))
                                   : tr("No Compose file given");
        return false;
    }
    m_topLevel.clear();
    for (const QString &f : given)
        m_topLevel.append(QDir::cleanPath(QFileInfo(f).absoluteFilePath()));
    m_directory = directory.isEmpty() ? QFileInfo(m_topLevel.first()).absolutePath()
                                      : QFileInfo(directory).absoluteFilePath();
    m_texts.clear();
    m_saved.clear();
    m_undo.clear();
    reanalyse();
    return true;
}

void ProjectDocument::reanalyse()
{
    m_project = loadProject(m_topLevel, m_directory, std::make_shared<EditorSource>(m_texts));
    m_analysis = analyzeProject(m_project); // reads what `extends` names too
    for (const ProjectFile &f : m_project.files) {
        if (m_texts.contains(f.path))
            continue;
        // Read from disk just now: that is what a save must find there.
        m_texts.insert(f.path, f.parsed.text.bytes());
        m_saved.insert(f.path, f.parsed.text.bytes());
    }
    emit changed();
}

QString ProjectDocument::shownName(const QString &absolute) const
{
    const QString rel = QDir(m_directory).relativeFilePath(absolute);
    return rel.startsWith(QLatin1String("..")) ? QDir::toNativeSeparators(absolute) : rel;
}

QString ProjectDocument::text(const QString &absolute) const
{
    return QString::fromStdString(m_texts.value(absolute));
}

bool ProjectDocument::isFileModified(const QString &absolute) const
{
    return !m_saved.contains(absolute) || m_saved.value(absolute) != m_texts.value(absolute);
}

bool ProjectDocument::run(const std::function<bool(ProjectEditor &, QStringList *, QString *)> &plan,
                          const QString &what, QString *error)
{
    ProjectEditor editor(loadProject(m_topLevel, m_directory, std::make_shared<EditorSource>(m_texts)));
    if (!editor.analysis().errors.isEmpty()) {
        const Diagnostic &d = editor.analysis().errors.front();
        *error = tr("The project does not merge, so it cannot be edited: %1:%2: %3")
                     .arg(shownName(d.file))
                     .arg(d.line)
                     .arg(d.message);
        return false;
    }
    QStringList notes;
    if (!plan(editor, &notes, error))
        return false;
    const std::vector<ProjectEditor::Change> changes = editor.changes();
    if (changes.empty()) {
        *error = tr("Nothing to change: %1 is already so").arg(what);
        return false;
    }
    State before{{}, m_topLevel};
    State after{{}, m_topLevel};
    QStringList paths;
    for (const ProjectEditor::Change &c : changes) {
        paths.append(c.path);
        if (!c.created)
            before.texts.insert(c.path, c.before);
        after.texts.insert(c.path, c.after);
        // An override file the project did not have, new or already on disk, joins it:
        // docker compose -f ... -f OVERRIDE.
        if (m_project.indexOf(c.path) < 0 && !after.topLevel.contains(c.path))
            after.topLevel.append(c.path);
        // One already on disk: what a save must find there is what the edit read.
        if (!c.created && !m_saved.contains(c.path))
            m_saved.insert(c.path, c.before);
    }
    m_undo.push(new ProjectEditCommand(this, std::move(before), std::move(after), paths, what));
    return true;
}

bool ProjectDocument::edit(const EditRequest &request, const Placement &placement, QString *error)
{
    QString what;
    switch (request.kind) {
    case EditRequest::Kind::ReadOnly:
        what = tr("Make %1 read-only").arg(request.name);
        break;
    case EditRequest::Kind::Writable:
        what = tr("Make %1 writable").arg(request.name);
        break;
    case EditRequest::Kind::Tmpfs:
        what = tr("Add %1 to %2").arg(request.path, request.name);
        break;
    case EditRequest::Kind::NoTmpfs:
        what = tr("Remove %1 from %2").arg(request.path, request.name);
        break;
    }
    return run([&](ProjectEditor &e, QStringList *notes,
                   QString *why) { return e.apply(request, placement, notes, why); },
               what, error);
}

bool ProjectDocument::makeAllImmutable(const Placement &placement, QString *error)
{
    return run([&](ProjectEditor &e, QStringList *notes,
                   QString *why) { return e.makeAllImmutable(placement, notes, why); },
               tr("Make every service read-only"), error);
}

void ProjectDocument::restore(const State &state, const QStringList &paths)
{
    for (const QString &p : paths) {
        if (state.texts.contains(p))
            m_texts.insert(p, state.texts.value(p));
        else if (m_saved.contains(p))
            m_texts.insert(p, m_saved.value(p)); // created and saved since: it stays on disk as saved
        else
            m_texts.remove(p); // a created file, undone before it was saved
    }
    m_topLevel = state.topLevel;
    reanalyse();
}

bool ProjectDocument::save(QString *error)
{
    std::vector<FileToSave> files;
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it) {
        if (!isFileModified(it.key()))
            continue;
        FileToSave f;
        f.path = it.key();
        f.bytes = it.value();
        f.create = !m_saved.contains(it.key());
        if (!f.create)
            f.options.expectedFingerprint = contentFingerprint(m_saved.value(it.key()));
        files.push_back(std::move(f));
    }
    if (files.empty()) {
        m_undo.setClean();
        return true;
    }
    const SaveResult result = saveFiles(files);
    if (!result.ok) {
        *error = result.error;
        return false;
    }
    for (const FileToSave &f : files)
        m_saved.insert(f.path, f.bytes);
    m_undo.setClean();
    emit changed();
    return true;
}

} // namespace deadbolt
