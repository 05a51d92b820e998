#pragma once

#include <QByteArray>
#include <QString>
#include <string>
#include <vector>

namespace deadbolt {

// The fingerprint of a file's content as it was read: BLAKE2b-256 of the bytes. A save
// compares it with what is on disk now to notice a change made behind the editor's back.
// BLAKE2b rather than SHA-256: as strong, and 4 to 7 times faster in Qt's software
// implementations (30 ms against 124-205 ms on the 15 MB benchmark manifest), which the
// editor pays on the GUI thread when it opens a file and twice on every save.
QByteArray contentFingerprint(const std::string &bytes);

struct SaveOptions
{
    QByteArray expectedFingerprint; // of the bytes last read; empty: do not check
    bool force = false;             // overwrite even when the file changed on disk
};

struct SaveResult
{
    bool ok = false;
    QString error;              // a sentence naming the file and the reason
    QString writtenPath;        // the file actually written (a symlink's target)
    QByteArray fingerprint;     // of the bytes now on disk
    bool changedOnDisk = false; // refused because the file changed since it was read
};

// Writes bytes to path atomically (QSaveFile: a temporary file in the same folder, renamed
// over the original on success), so a failure at any point (read-only folder, permission
// denied, disk full) leaves the original intact. The file's permissions are kept. When path
// is a symlink the link stays and its target is written. With an expected fingerprint the
// file must still hold what was read, both before writing and just before the rename: a file
// changed, removed or replaced by a folder meanwhile is refused (changedOnDisk), not overwritten.
SaveResult saveFile(const QString &path, const std::string &bytes, const SaveOptions &options = {});

// One file of a save of several (a Compose project's edit).
struct FileToSave
{
    QString path;
    std::string bytes;
    SaveOptions options; // expectedFingerprint empty and create set: a new file
    bool create = false; // the file must not exist yet (unless options.force)
};

// Saves several files as one: either every file is replaced or none is. Each new text is
// first written to a temporary file beside its target (a failure there, such as a missing
// folder or a full disk, replaces nothing), every target is checked to still hold what was
// read, and only then are they renamed over their targets one by one. Should a rename fail
// after others succeeded, the files already replaced get their old content back from hard
// links taken just before. The error names the file that could not be saved.
SaveResult saveFiles(const std::vector<FileToSave> &files);

} // namespace deadbolt
