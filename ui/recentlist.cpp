#include "recentlist.h"

#include <QFileInfo>
#include <QSettings>

namespace deadbolt::recent {

namespace {

const QString FilesKey = QStringLiteral("recentFiles");
const QString ProjectsKey = QStringLiteral("recentProjects");
const QChar Separator = u'\n'; // a project's files in one settings value: no path holds a line break

void prepend(const QString &key, const QString &value)
{
    QSettings settings;
    QStringList list = settings.value(key).toStringList();
    list.removeAll(value);
    list.prepend(value);
    while (list.size() > Max)
        list.removeLast();
    settings.setValue(key, list);
}

} // namespace

void addFile(const QString &path)
{
    prepend(FilesKey, QFileInfo(path).absoluteFilePath());
}

void addProject(const QStringList &files)
{
    QStringList absolute;
    for (const QString &f : files)
        absolute << QFileInfo(f).absoluteFilePath();
    if (!absolute.isEmpty())
        prepend(ProjectsKey, absolute.join(Separator));
}

QStringList files()
{
    return QSettings().value(FilesKey).toStringList();
}

QVector<QStringList> projects()
{
    QVector<QStringList> out;
    for (const QString &p : QSettings().value(ProjectsKey).toStringList())
        out << p.split(Separator, Qt::SkipEmptyParts);
    return out;
}

QString projectTitle(const QStringList &files)
{
    QStringList names;
    for (const QString &f : files)
        names << QFileInfo(f).fileName();
    return names.join(QStringLiteral(" + "));
}

} // namespace deadbolt::recent
