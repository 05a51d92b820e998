#pragma once

#include "model/analyzer.h"
#include "source/replacement.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUndoStack>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace deadbolt {

struct SaveOptions;

// What the reader thread derives from one version of the text.
struct Derived
{
    quint64 generation = 0;
    std::shared_ptr<const ParsedFile> parsed;
    Analysis analysis;
};

// One open file: the text (the truth), its undo history and everything derived from it
// (DESIGN.md, "The text is the truth"). Views observe it; they never change the text
// themselves. Every change goes through a command on undoStack(), whose redo/undo call
// replaceText(), so that form edits, typing and reloads share one history.
class Document : public QObject
{
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    // Reads the file and starts analysing it off the GUI thread (analysisChanged follows).
    bool load(const QString &path, QString *error);
    // For tests and new documents: text that is not (yet) on disk.
    void setInitialText(std::string bytes, const QString &path);

    QString filePath() const { return m_path; }
    QString displayName() const;
    const std::string &text() const { return m_text; }
    const std::string &savedText() const { return m_savedText; }
    QUndoStack *undoStack() { return &m_undoStack; }
    bool isModified() const { return !m_undoStack.isClean(); }
    bool changedOnDisk() const { return m_changedOnDisk; }
    quint64 generation() const { return m_generation; }

    // The last analysis of a text that parsed. While the current text has a parse error it
    // stays the previous good one (views keep their rows), and parseErrors() says why.
    const Analysis &analysis() const { return m_derived.analysis; }
    const ParsedFile *parsed() const { return m_derived.parsed.get(); }
    const Diagnostics &parseErrors() const { return m_parseErrors; }
    bool isLoading() const { return m_loading; }
    // True when analysis() describes text() exactly, so its offsets may be used to edit.
    bool isAnalysisCurrent() const { return m_derived.generation == m_generation && m_parseErrors.isEmpty(); }
    // Derives synchronously when the analysis is behind the text (before an edit needs offsets).
    bool ensureAnalysisCurrent();
    // Runs f once the analysis describes the current text (parsed or not), at once when it
    // does: an edit asked for while an analysis is pending waits for it instead of deriving
    // on the GUI thread. f is dropped when `context` is destroyed first.
    void whenAnalysisCurrent(QObject *context, std::function<void()> f);
    // The current text was read and does not parse: no analysis will describe it.
    bool hasCurrentParseErrors() const
    {
        return !m_parseErrors.isEmpty() && m_errorsGeneration == m_generation;
    }
    // Stops waiting for a running analysis (the big-file Cancel button); the text stays.
    void cancelLoading();

    // Called by commands only. Returns false (text untouched) when the replacements do
    // not fit the text.
    bool replaceText(const Replacements &replacements);

    // Pushes an "Edit text" command turning text() into newText (typing in the YAML view).
    void editText(std::string newText);
    // The same for one keystroke already turned into bytes (YamlPanel): nothing compared or
    // copied in proportion to the file. False (nothing pushed) when it does not fit the text.
    bool typeText(Replacement replacement);
    // Pushes a named command of the given kind; returns false and sets *error when the
    // replacements do not apply.
    bool pushEdit(QUndoCommand *command);

    bool save(QString *error);
    bool saveAs(const QString &path, QString *error);
    // Replaces the text with the file's current content as one undoable step.
    bool reloadFromDisk(QString *error);
    // The user chose to keep the editor's text over a changed file ("Keep mine").
    void keepMine();

    // The watched file changed on disk (DocumentManager): reloaded when the editor has no
    // edits and the content differs, else the changed-on-disk state is set.
    void noticeFileChanged(const QString &path);

    // Debounce for re-analysis after a text change; 0 in tests that want it immediate.
    void setAnalysisDelay(int ms) { m_reanalyseTimer.setInterval(ms); }

signals:
    void textChanged();
    void analysisChanged();
    void parseErrorsChanged();
    void loadingChanged(bool loading);
    void modifiedChanged(bool modified);
    void filePathChanged();
    void changedOnDiskChanged(bool changed);
    void savedTextChanged();
    // The file to watch on disk now (after a load, a save that renamed, Save As); whoever
    // manages the documents watches it and calls noticeFileChanged.
    void watchRequested(const QString &path);

private:
    void startAnalysis();
    void analysisFinished();
    void applyDerived(Derived derived);

    void setChangedOnDisk(bool changed);
    bool write(const QString &path, const SaveOptions &options, QString *error);
    // The file's fingerprint as it is on disk now; empty when it cannot be read.
    QByteArray diskFingerprint() const;

    QString m_path;
    std::string m_text;
    std::string m_savedText; // what the file held when last read or written
    QByteArray m_savedFingerprint;
    QUndoStack m_undoStack;
    quint64 m_generation = 1;
    Derived m_derived;
    Diagnostics m_parseErrors;
    bool m_changedOnDisk = false;
    bool m_loading = false;
    bool m_analysisQueued = false;
    bool m_forceNextSave = false; // "Keep mine": the next save may overwrite the changed file,
    QByteArray m_keptOver;        // as it was then (its fingerprint; empty: it was absent)
    QTimer m_reanalyseTimer;
    QFutureWatcher<Derived> m_watcher;
    std::shared_ptr<yaml::Cancel> m_cancel; // of the analysis m_watcher runs
    quint64 m_runningGeneration = 0;        // of the text the running analysis reads
    quint64 m_errorsGeneration = 0;         // of the text m_parseErrors were found in
    std::vector<std::pair<QPointer<QObject>, std::function<void()>>> m_waiting;
};

} // namespace deadbolt
