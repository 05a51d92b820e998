#include "document.h"

#include "check/analyze.h"

#include "backgroundworkers.h"
#include "commands/edittextcommand.h"
#include "commands/reloadcommand.h"
#include "io/fileloader.h"
#include "io/filesaver.h"

#include <QFileInfo>
#include <QtConcurrent>

namespace deadbolt {

namespace {

Derived derive(std::string bytes, QString path, quint64 generation,
               std::shared_ptr<const yaml::Cancel> cancel = nullptr)
{
    Derived d;
    d.generation = generation;
    auto parsed = std::make_shared<ParsedFile>(parseText(std::move(bytes), path, cancel.get()));
    if (parsed->stream.cancelled || (cancel && *cancel))
        d.generation = 0; // describes no text: stopped before or instead of the analysis
    else if (parsed->ok())
        d.analysis = analyze(*parsed);
    else
        d.analysis.errors = parsed->errors;
    d.parsed = std::move(parsed);
    return d;
}

} // namespace

Document::Document(QObject *parent) : QObject(parent)
{
    m_reanalyseTimer.setSingleShot(true);
    m_reanalyseTimer.setInterval(250);
    connect(&m_reanalyseTimer, &QTimer::timeout, this, &Document::startAnalysis);
    connect(&m_watcher, &QFutureWatcher<Derived>::finished, this, &Document::analysisFinished);
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

Document::~Document()
{
    // The reader thread holds its own copy of the text; waiting keeps it from outliving us
    // while it still reports to m_watcher. Cancelled first, the wait is short.
    if (m_cancel)
        *m_cancel = true;
    m_watcher.waitForFinished();
}

QString Document::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

bool Document::load(const QString &path, QString *error)
{
    std::string bytes;
    if (!readFileBytes(path, &bytes, error))
        return false;
    setInitialText(std::move(bytes), QFileInfo(path).absoluteFilePath());
    emit watchRequested(m_path);
    return true;
}

void Document::setInitialText(std::string bytes, const QString &path)
{
    m_path = path;
    m_text = std::move(bytes);
    m_savedText = m_text;
    m_savedFingerprint = contentFingerprint(m_savedText);
    m_undoStack.clear();
    ++m_generation;
    m_loading = true;
    emit loadingChanged(true);
    emit filePathChanged();
    emit textChanged();
    emit savedTextChanged();
    startAnalysis();
}

void Document::startAnalysis()
{
    m_reanalyseTimer.stop();
    if (m_watcher.isRunning()) {
        // One reader at a time: stop this one, whose text is out of date, and analyse the
        // newest text when it has stopped.
        m_analysisQueued = true;
        *m_cancel = true;
        return;
    }
    m_analysisQueued = false;
    m_runningGeneration = m_generation;
    m_cancel = std::make_shared<yaml::Cancel>(false);
    m_watcher.setFuture(
        QtConcurrent::run(backgroundWorkers(), derive, m_text, m_path, m_generation, m_cancel));
}

void Document::analysisFinished()
{
    if (m_watcher.isCanceled()) {
        if (m_analysisQueued)
            startAnalysis();
        return;
    }
    Derived d = m_watcher.result();
    if (m_analysisQueued || d.generation != m_generation) {
        // The text moved on while this ran: its offsets are useless for edits.
        startAnalysis();
        return;
    }
    applyDerived(std::move(d));
}

void Document::applyDerived(Derived d)
{
    const bool wasLoading = m_loading;
    m_loading = false;
    const Diagnostics errors = d.parsed && d.parsed->ok() ? Diagnostics() : d.parsed->errors;
    const bool errorsChanged =
        errors.size() != m_parseErrors.size() || !errors.isEmpty() || !m_parseErrors.isEmpty();
    m_parseErrors = errors;
    m_errorsGeneration = d.generation;
    if (errors.isEmpty()) {
        m_derived = std::move(d);
        emit analysisChanged();
    } else if (!m_derived.parsed) {
        // Nothing good yet (the file was broken when opened): show the errors as analysis.
        m_derived.analysis.path = m_path;
        m_derived.analysis.errors = errors;
        emit analysisChanged();
    }
    if (errorsChanged)
        emit parseErrorsChanged();
    if (wasLoading)
        emit loadingChanged(false);
    if (m_derived.generation == m_generation || !errors.isEmpty()) {
        // The analysis describes the text now (or says why it cannot): the waiting edits go.
        auto waiting = std::move(m_waiting);
        m_waiting.clear();
        for (auto &[context, f] : waiting)
            if (context)
                f();
    }
}

void Document::whenAnalysisCurrent(QObject *context, std::function<void()> f)
{
    if (m_derived.generation == m_generation || hasCurrentParseErrors()) {
        f();
        return;
    }
    m_waiting.emplace_back(context, std::move(f));
    // No waiting for the debounce: read the text now, unless that is already under way.
    if (!m_watcher.isRunning() || m_runningGeneration != m_generation)
        startAnalysis();
}

bool Document::ensureAnalysisCurrent()
{
    if (m_derived.generation == m_generation)
        return m_parseErrors.isEmpty();
    if (hasCurrentParseErrors())
        return false; // read already, and broken: nothing to derive again
    m_reanalyseTimer.stop();
    applyDerived(derive(m_text, m_path, m_generation));
    return isAnalysisCurrent();
}

void Document::cancelLoading()
{
    if (!m_loading)
        return;
    if (m_cancel)
        *m_cancel = true;
    m_watcher.cancel();
    m_loading = false;
    emit loadingChanged(false);
}

bool Document::replaceText(const Replacements &replacements)
{
    if (!applyReplacements(m_text, replacements))
        return false;
    ++m_generation;
    emit textChanged();
    m_reanalyseTimer.start();
    return true;
}

void Document::editText(std::string newText)
{
    if (newText == m_text)
        return;
    m_undoStack.push(new EditTextCommand(this, differingMiddle(m_text, newText)));
}

bool Document::typeText(Replacement replacement)
{
    if (replacement.offset > m_text.size() || replacement.length > m_text.size() - replacement.offset)
        return false;
    if (replacement.text.size() == replacement.length &&
        m_text.compare(replacement.offset, replacement.length, replacement.text) == 0)
        return true; // nothing changes
    m_undoStack.push(new EditTextCommand(this, std::move(replacement)));
    return true;
}

bool Document::pushEdit(QUndoCommand *command)
{
    m_undoStack.push(command);
    return true;
}

bool Document::save(QString *error)
{
    if (m_path.isEmpty()) {
        *error = tr("The document has no file name yet: use Save As.");
        return false;
    }
    // The core saver refuses to overwrite what someone else wrote (or removed) since we read
    // the file: the user decides first (Reload, or Keep mine and save again).
    SaveOptions options;
    options.expectedFingerprint = m_savedFingerprint;
    if (m_forceNextSave) {
        // "Keep mine" overrides the file as the user saw it then, not a newer change.
        if (diskFingerprint() != m_keptOver) {
            m_forceNextSave = false;
            setChangedOnDisk(true);
            *error = tr("%1 changed on disk again after you chose Keep mine. Reload it, or choose Keep mine "
                        "again and save.")
                         .arg(displayName());
            return false;
        }
        options.expectedFingerprint = m_keptOver;
        options.force = m_keptOver.isEmpty(); // it was removed: write it again
    }
    return write(m_path, options, error);
}

bool Document::saveAs(const QString &path, QString *error)
{
    // Another file: the user chose to replace it in the dialog. The same file: as Save.
    if (QFileInfo(path).absoluteFilePath() == m_path)
        return save(error);
    return write(path, {}, error);
}

bool Document::write(const QString &path, const SaveOptions &options, QString *error)
{
    // Atomic (a temporary file renamed over the target), permissions kept, a symlink's
    // target written: a failed save leaves the file as it was and the text in the editor.
    const SaveResult saved = saveFile(path, m_text, options);
    if (!saved.ok) {
        if (saved.changedOnDisk)
            setChangedOnDisk(true);
        *error = saved.error;
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const bool renamed = absolute != m_path;
    // (A rename leaves the old path watched by the manager until it is closed: harmless.)
    m_path = absolute;
    m_savedText = m_text;
    m_savedFingerprint = saved.fingerprint;
    m_forceNextSave = false;
    emit watchRequested(m_path);
    m_undoStack.setClean();
    setChangedOnDisk(false);
    emit savedTextChanged();
    if (renamed)
        emit filePathChanged();
    return true;
}

bool Document::reloadFromDisk(QString *error)
{
    std::string bytes;
    if (!readFileBytes(m_path, &bytes, error))
        return false;
    m_savedText = bytes;
    m_savedFingerprint = contentFingerprint(bytes);
    m_forceNextSave = false;
    if (bytes != m_text)
        m_undoStack.push(new ReloadCommand(this, m_text, bytes, tr("Reload from disk")));
    m_undoStack.setClean();
    setChangedOnDisk(false);
    emit savedTextChanged();
    return true;
}

void Document::keepMine()
{
    m_forceNextSave = true;
    m_keptOver = diskFingerprint();
    setChangedOnDisk(false);
}

QByteArray Document::diskFingerprint() const
{
    std::string bytes;
    QString error;
    return readFileBytes(m_path, &bytes, &error) ? contentFingerprint(bytes) : QByteArray();
}

void Document::noticeFileChanged(const QString &path)
{
    std::string bytes;
    QString error;
    if (!readFileBytes(path, &bytes, &error)) {
        setChangedOnDisk(true);
        return;
    }
    if (contentFingerprint(bytes) == m_savedFingerprint)
        return; // our own save, or a touch
    if (!isModified()) {
        QString ignored;
        reloadFromDisk(&ignored);
        return;
    }
    setChangedOnDisk(true);
}

void Document::setChangedOnDisk(bool changed)
{
    if (m_changedOnDisk == changed)
        return;
    m_changedOnDisk = changed;
    emit changedOnDiskChanged(changed);
}

} // namespace deadbolt
