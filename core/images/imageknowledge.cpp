#include "images/imageknowledge.h"

#include "model/workload.h"

#include <QFile>

#include <QRegularExpression>
#include <algorithm>
#include <atomic>

#include <yaml-cpp/yaml.h>

namespace deadbolt {

namespace {

// yaml-cpp throws on a key of a node that is not there: every lookup goes through these.
QString text(const YAML::Node &n, const char *key)
{
    if (!n.IsDefined() || !n.IsMap())
        return {};
    const YAML::Node v = n[key];
    return v && v.IsScalar() ? QString::fromStdString(v.as<std::string>()) : QString();
}

QStringList list(const YAML::Node &n, const char *key)
{
    QStringList out;
    if (!n.IsDefined() || !n.IsMap())
        return out;
    const YAML::Node v = n[key];
    if (v && v.IsSequence())
        for (const YAML::Node &item : v)
            if (item.IsScalar())
                out << QString::fromStdString(item.as<std::string>());
    return out;
}

bool paths(const YAML::Node &n, const char *key, QVector<ImagePath> *out, QString *error)
{
    if (!n.IsMap())
        return true;
    const YAML::Node v = n[key];
    if (!v || v.IsNull())
        return true;
    if (!v.IsSequence()) {
        *error = QStringLiteral("%1 is not a list").arg(QLatin1String(key));
        return false;
    }
    for (const YAML::Node &item : v) {
        ImagePath p;
        p.path = text(item, "path");
        p.why = text(item, "why");
        if (!p.path.startsWith(QLatin1Char('/')) || p.why.isEmpty()) {
            *error = QStringLiteral("a %1 entry needs an absolute path and why").arg(QLatin1String(key));
            return false;
        }
        p.size = text(item, "size");
        p.owner = text(item, "owner");
        p.mode = text(item, "mode");
        p.lowConfidence = text(item, "confidence") == QLatin1String("low");
        out->append(p);
    }
    return true;
}

QVector<QRegularExpression> compiled(const QStringList &globs)
{
    QVector<QRegularExpression> out;
    for (const QString &g : globs)
        out.append(QRegularExpression(QRegularExpression::wildcardToRegularExpression(g)));
    return out;
}

bool anyMatch(const QVector<QRegularExpression> &patterns, const QString &tag)
{
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const QRegularExpression &p) { return p.match(tag).hasMatch(); });
}

// Every load gets a number no other load had, so that no thread's cache outlives it.
quint64 nextGeneration()
{
    static std::atomic<quint64> counter{0};
    return ++counter;
}

} // namespace

QString canonicalImagePath(const QString &path)
{
    QString p = path.trimmed();
    while (p.contains(QLatin1String("//")))
        p.replace(QLatin1String("//"), QLatin1String("/"));
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    for (const auto &[from, to] : {std::pair{QLatin1String("/var/run"), QLatin1String("/run")},
                                   std::pair{QLatin1String("/var/lock"), QLatin1String("/run/lock")}})
        if (p == from || p.startsWith(from + QLatin1Char('/')))
            p = to + p.mid(from.size());
    return p;
}

bool pathWithin(const QString &path, const QString &folder)
{
    return path == folder || folder == QLatin1String("/") || path.startsWith(folder + QLatin1Char('/'));
}

bool isWritableIn(const Workload &w, const QString &path)
{
    const QString p = canonicalImagePath(path);
    for (const QVector<WritablePath> *list : {&w.inMemory, &w.persistent})
        for (const WritablePath &m : *list)
            if (pathWithin(p, canonicalImagePath(m.target)))
                return true;
    return false;
}

ImageReference parseImageReference(const QString &image)
{
    ImageReference ref;
    QString s = image.trimmed();
    ref.interpolated = s.contains(QLatin1Char('$'));
    if (const qsizetype at = s.indexOf(QLatin1Char('@')); at >= 0)
        s.truncate(at);
    QStringList parts = s.split(QLatin1Char('/'));
    if (parts.size() > 1 &&
        (parts.front().contains(QLatin1Char('.')) || parts.front().contains(QLatin1Char(':')) ||
         parts.front() == QLatin1String("localhost")))
        parts.removeFirst();
    QString last = parts.isEmpty() ? QString() : parts.takeLast();
    const qsizetype colon = last.indexOf(QLatin1Char(':'));
    ref.tag = colon < 0 ? QStringLiteral("latest") : last.mid(colon + 1);
    parts << (colon < 0 ? last : last.left(colon));
    if (parts.size() > 1 && parts.front() == QLatin1String("library"))
        parts.removeFirst();
    ref.repository = parts.join(QLatin1Char('/')).toLower();
    return ref;
}

bool ImageKnowledge::load(const QByteArray &yaml, QString *error)
{
    m_images.clear();
    m_byRepository.clear();
    m_generation = nextGeneration();
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
    const YAML::Node images = root["images"];
    if (!images || !images.IsSequence()) {
        *error = QStringLiteral("no images: list");
        return false;
    }
    for (const YAML::Node &n : images) {
        if (!n.IsMap()) {
            *error = QStringLiteral("an entry of images: is not a mapping");
            return false;
        }
        ImageInfo info;
        info.id = text(n, "id");
        info.title = text(n, "title");
        const YAML::Node match = n["match"];
        info.repositories = list(match, "repositories");
        info.tags = list(match, "tags");
        info.excludeTags = list(match, "excludeTags");
        info.user = text(n, "user");
        info.note = text(n, "note");
        info.entrypoint = text(n, "entrypoint");
        info.sources = list(n, "sources");
        QString why;
        if (info.id.isEmpty() || info.repositories.isEmpty() || info.user.isEmpty() || info.sources.isEmpty())
            why = QStringLiteral("needs id, match.repositories, user and sources");
        if (why.isEmpty())
            paths(n, "writable", &info.writable, &why) && paths(n, "data", &info.data, &why) &&
                paths(n, "shipped", &info.shipped, &why);
        if (!why.isEmpty()) {
            *error =
                QStringLiteral("image %1: %2").arg(info.id.isEmpty() ? QStringLiteral("?") : info.id, why);
            return false;
        }
        info.tagPatterns = compiled(info.tags);
        info.excludePatterns = compiled(info.excludeTags);
        for (const QString &r : std::as_const(info.repositories))
            m_byRepository[r].append(int(m_images.size()));
        m_images.append(info);
    }
    return true;
}

const ImageInfo *ImageKnowledge::find(const QString &image) const
{
    // A file names few images many times: each thread remembers its answers for this knowledge.
    thread_local const ImageKnowledge *cacheOwner = nullptr;
    thread_local quint64 cacheGeneration = 0;
    thread_local QHash<QString, const ImageInfo *> cache;
    if (cacheOwner != this || cacheGeneration != m_generation) {
        cache.clear();
        cacheOwner = this;
        cacheGeneration = m_generation;
    }
    if (const auto it = cache.constFind(image); it != cache.constEnd())
        return it.value();
    if (cache.size() > 4096)
        cache.clear();
    const ImageInfo *found = lookup(image);
    cache.insert(image, found);
    return found;
}

const ImageInfo *ImageKnowledge::lookup(const QString &image) const
{
    const ImageReference ref = parseImageReference(image);
    if (ref.repository.isEmpty())
        return nullptr;
    QVector<const ImageInfo *> candidates;
    for (int i : m_byRepository.value(ref.repository))
        candidates.append(&m_images[i]);
    if (ref.interpolated && ref.tag.contains(QLatin1Char('$')))
        return candidates.size() == 1 ? candidates.front() : nullptr; // the variant is unknown
    for (const ImageInfo *info : candidates) {
        if (!info->tagPatterns.isEmpty() && !anyMatch(info->tagPatterns, ref.tag))
            continue;
        if (anyMatch(info->excludePatterns, ref.tag))
            continue;
        return info;
    }
    return nullptr;
}

const ImageKnowledge &ImageKnowledge::builtIn()
{
    static const ImageKnowledge knowledge = [] {
        ImageKnowledge k;
        QFile f(QStringLiteral(":/deadbolt/images.yaml"));
        QString error;
        // A malformed built-in file is a build defect that tst_images catches; the program
        // then knows no image rather than failing.
        if (!f.open(QIODevice::ReadOnly) || !k.load(f.readAll(), &error)) {
            k.m_images.clear();
            k.m_byRepository.clear();
        }
        return k;
    }();
    return knowledge;
}

} // namespace deadbolt
