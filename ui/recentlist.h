#pragma once

#include <QStringList>
#include <QVector>

namespace deadbolt {

// The files and projects opened lately, newest first, kept in the user's settings: the
// File > Open Recent menu and the welcome page read them. A project is its list of files.
namespace recent {

constexpr int Max = 8;

void addFile(const QString &path);
void addProject(const QStringList &files);
QStringList files();
QVector<QStringList> projects();

// "compose.yaml + compose.override.yaml" for a project, the file name for a file.
QString projectTitle(const QStringList &files);

} // namespace recent

} // namespace deadbolt
