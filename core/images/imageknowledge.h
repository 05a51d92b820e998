#pragma once

#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <QVector>
#include <optional>

namespace deadbolt {

// What the team knows of common images (resources/images.yaml, reviewed like code): the user
// a container starts as, the paths it must write under a read-only root, the paths that hold
// data, and the folders it ships files in, each with why and where that is written.
struct ImagePath
{
    QString path;
    QString why;
    QString size;  // a size hint, "64Mi"
    QString owner; // "101:101": who writes it; empty: the image's user
    QString mode;
    bool lowConfidence = false;
};

struct ImageInfo
{
    QString id; // "postgres"
    QString title;
    QStringList repositories; // normalised, exact (imageRepository)
    QStringList tags;         // globs; empty: any
    QStringList excludeTags;
    QString user; // "0:0"
    QString note;
    QVector<ImagePath> writable;
    QVector<ImagePath> data;
    QVector<ImagePath> shipped;
    QString entrypoint;
    QStringList sources;
    // tags and excludeTags compiled once at load: find() runs for every workload of a
    // 200,000-service file, on the parse workers too.
    QVector<QRegularExpression> tagPatterns, excludePatterns;
};

// An image reference split as registries read it: "docker.io/library/nginx:1.25@sha256:..."
// gives repository "nginx" and tag "1.25". The registry host (a first part with '.' or ':',
// or localhost) and Docker Hub's "library/" are left out; no tag: "latest".
struct ImageReference
{
    QString repository;
    QString tag;
    bool interpolated = false; // written with ${...}: the tag (or more) is unknown
};
ImageReference parseImageReference(const QString &image);

// /var/run and /var/lock are links to /run and /run/lock in the images we know: one folder.
QString canonicalImagePath(const QString &path);
bool pathWithin(const QString &path, const QString &folder); // equal, or below it
struct Workload;
// The path is covered by one of the workload's writable mounts.
bool isWritableIn(const Workload &w, const QString &path);

class ImageKnowledge
{
public:
    // The knowledge built into the program (resources/images.yaml).
    static const ImageKnowledge &builtIn();
    // Reads the file's text; false with *error (entry and reason) when an entry is malformed.
    bool load(const QByteArray &yaml, QString *error);

    const QVector<ImageInfo> &images() const { return m_images; }
    // The entry for an image reference; nullptr when none matches (or the tag is unknown and
    // the variants differ).
    const ImageInfo *find(const QString &image) const;

private:
    const ImageInfo *lookup(const QString &image) const;
    QVector<ImageInfo> m_images;
    QHash<QString, QVector<int>> m_byRepository; // repository -> entries, in file order
    quint64 m_generation = 0;                    // of the last load(), for find()'s cache
};

} // namespace deadbolt
