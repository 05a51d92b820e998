#include "probe/runspec.h"

#include "model/scalars.h"
#include "yaml/merge.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace deadbolt {

using namespace yaml;

namespace {

// Compose fills ${VAR} from the environment; Kubernetes passes values as written (its own
// $(VAR) references are filled after, from the container's env).
// env null: as written.
QString scalar(const Document &doc, NodeId node, const QProcessEnvironment *env)
{
    node = doc.resolve(node);
    if (!doc.isScalar(node))
        return {};
    const QString value = scalars::toQString(doc.value(node));
    return env ? interpolate(value, *env) : value;
}

// $(NAME) in a Kubernetes command or args: the container's variable; $$(NAME) stays as written.
QString kubernetesReferences(const QString &value, const QStringList &environment)
{
    static const QRegularExpression ref(QStringLiteral(R"(\$\$\(|\$\((\w+)\))"));
    QString out;
    qsizetype at = 0;
    for (auto it = ref.globalMatch(value); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += value.mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        if (m.captured(1).isEmpty()) {
            out += QStringLiteral("$(");
            continue;
        }
        const QString prefix = m.captured(1) + QLatin1Char('=');
        const auto found = std::find_if(environment.begin(), environment.end(),
                                        [&](const QString &e) { return e.startsWith(prefix); });
        out += found == environment.end() ? m.captured(0) : found->mid(prefix.size());
    }
    return out + value.mid(at);
}

// A string (split into words) or a list of strings; nullopt when the key is not there.
std::optional<QStringList> words(const Document &doc, NodeId map, const char *key,
                                 const QProcessEnvironment *env, bool split, QString *error)
{
    const NodeId v = doc.resolve(effectiveValue(doc, map, key));
    if (v == NoNode || scalars::isNull(doc, v))
        return std::nullopt;
    if (doc.isScalar(v)) {
        const QString s = scalar(doc, v, env);
        bool ok = true;
        const QStringList list = split ? splitShellWords(s, &ok) : QStringList{s};
        if (!ok)
            *error = QStringLiteral("%1: %2 is not complete shell words (an open quote or a last backslash)")
                         .arg(QLatin1String(key), s);
        return list;
    }
    QStringList out;
    if (doc.isSequence(v))
        for (NodeId item : doc.children(v))
            out << scalar(doc, item, env);
    return out;
}

// Compose `environment:` as a mapping or a list of NAME=value; Kubernetes `env:` name/value.
QStringList environment(const Document &doc, NodeId map, bool kubernetes, const QProcessEnvironment *env)
{
    QStringList out;
    const NodeId v = doc.resolve(effectiveValue(doc, map, kubernetes ? "env" : "environment"));
    if (doc.isMapping(v)) {
        for (const Entry &e : effectiveEntries(doc, v)) {
            const QString name = scalar(doc, e.key, env);
            // `NAME:` with no value passes the host's value, as docker compose does.
            out << name + QLatin1Char('=') +
                       (scalars::isNull(doc, doc.resolve(e.value)) && env ? env->value(name)
                                                                          : scalar(doc, e.value, env));
        }
    } else if (doc.isSequence(v)) {
        for (NodeId item : doc.children(v)) {
            const NodeId i = doc.resolve(item);
            if (kubernetes && doc.isMapping(i)) {
                const NodeId value = effectiveValue(doc, i, "value");
                if (value != NoNode) // valueFrom (secrets, fields) cannot be known here
                    out << scalar(doc, effectiveValue(doc, i, "name"), env) + QLatin1Char('=') +
                               scalar(doc, value, env);
            } else if (doc.isScalar(i)) {
                const QString s = scalar(doc, i, env);
                out << (s.contains(QLatin1Char('=')) || !env ? s : s + QLatin1Char('=') + env->value(s));
            }
        }
    }
    return out;
}

std::optional<qint64> intValue(const Document &doc, NodeId map, const char *key)
{
    const NodeId v = doc.resolve(effectiveValue(doc, map, key));
    return doc.isScalar(v) ? scalars::parseInt(scalars::trim(doc.value(v))) : std::nullopt;
}

} // namespace

QString interpolate(const QString &value, const QProcessEnvironment &env)
{
    static const QRegularExpression var(QStringLiteral(R"(\$\$|\$\{(\w+)(?:(:?-)([^}]*))?\}|\$(\w+))"));
    QString out;
    qsizetype at = 0;
    for (auto it = var.globalMatch(value); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += value.mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        if (m.captured(0) == QLatin1String("$$")) {
            out += QLatin1Char('$');
            continue;
        }
        const QString name = m.captured(1).isEmpty() ? m.captured(4) : m.captured(1);
        const QString v = env.value(name);
        if (m.captured(2) == QLatin1String(":-"))
            out += v.isEmpty() ? m.captured(3) : v;
        else if (m.captured(2) == QLatin1String("-"))
            out += env.contains(name) ? v : m.captured(3);
        else
            out += v;
    }
    return out + value.mid(at);
}

QStringList splitShellWords(const QString &command, bool *ok)
{
    // Python's shlex.split (docker-compose 1.x): words split at space, tab, CR and LF; in
    // double quotes a backslash escapes only " and \; single quotes take everything literally.
    const auto blank = [](QChar c) {
        return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r') ||
               c == QLatin1Char('\n');
    };
    QStringList out;
    QString word;
    bool inWord = false;
    QChar quote;
    if (ok)
        *ok = true;
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == QLatin1Char('\\') && quote == QLatin1Char('"') && i + 1 < command.size() &&
                     (command[i + 1] == QLatin1Char('"') || command[i + 1] == QLatin1Char('\\')))
                word += command[++i];
            else
                word += c;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            inWord = true;
        } else if (c == QLatin1Char('\\')) {
            if (i + 1 >= command.size()) {
                if (ok)
                    *ok = false; // shlex: "No escaped character"
                break;
            }
            word += command[++i];
            inWord = true;
        } else if (blank(c)) {
            if (inWord)
                out << word;
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull() && ok)
        *ok = false; // shlex: "No closing quotation"
    if (inWord)
        out << word;
    return out;
}

bool runSpecOf(const ParsedFile &file, const Workload &w, const QProcessEnvironment &env, RunSpec *out,
               QString *error)
{
    if (w.document < 0 || std::size_t(w.document) >= file.stream.documents.size()) {
        *error = QStringLiteral("%1 is not in the file's text").arg(w.displayName());
        return false;
    }
    const Document &doc = file.stream.documents[std::size_t(w.document)];
    const NodeId node = doc.resolve(w.node);
    const bool k8s = !w.containerList.isEmpty();
    const QProcessEnvironment *values = k8s ? nullptr : &env; // Kubernetes values as written
    RunSpec spec;
    spec.workload = w.displayName();
    spec.image = k8s ? w.image : interpolate(w.image, env);
    if (spec.image.isEmpty()) {
        *error = QStringLiteral("%1 names no image (a build: or a fragment cannot be probed: build the image "
                                "and name it)")
                     .arg(w.displayName());
        return false;
    }
    QString wordsError;
    spec.entrypoint = words(doc, node, k8s ? "command" : "entrypoint", values, !k8s, &wordsError);
    spec.command = words(doc, node, k8s ? "args" : "command", values, !k8s, &wordsError);
    if (!wordsError.isEmpty()) {
        *error = wordsError;
        return false;
    }
    spec.environment = environment(doc, node, k8s, values);
    spec.workingDir = scalar(doc, effectiveValue(doc, node, k8s ? "workingDir" : "working_dir"), values);
    if (k8s)
        for (std::optional<QStringList> *list : {&spec.entrypoint, &spec.command})
            if (*list)
                for (QString &word : **list)
                    word = kubernetesReferences(word, spec.environment);
    if (k8s) {
        // The container's securityContext, else the pod's.
        const NodeId own = doc.resolve(effectiveValue(doc, node, "securityContext"));
        const NodeId pod = doc.resolve(effectiveValue(doc, doc.resolve(w.podSpec), "securityContext"));
        std::optional<qint64> uid = doc.isMapping(own) ? intValue(doc, own, "runAsUser") : std::nullopt;
        std::optional<qint64> gid = doc.isMapping(own) ? intValue(doc, own, "runAsGroup") : std::nullopt;
        if (!uid && doc.isMapping(pod))
            uid = intValue(doc, pod, "runAsUser");
        if (!gid && doc.isMapping(pod))
            gid = intValue(doc, pod, "runAsGroup");
        if (uid)
            spec.user = QString::number(*uid) + (gid ? QLatin1Char(':') + QString::number(*gid) : QString());
        spec.oneShot = w.kind == QLatin1String("Job") || w.kind == QLatin1String("CronJob");
    } else {
        spec.user = interpolate(w.user, env);
    }
    for (const QVector<WritablePath> *list : {&w.inMemory, &w.persistent})
        for (const WritablePath &p : *list) {
            // A bind of one file (a config, a socket) cannot become an in-memory folder: the
            // image's own file stays there instead.
            if (p.kind == PathKind::Bind || p.kind == PathKind::HostPath) {
                const QString source = QDir(QFileInfo(file.path).absolutePath()).absoluteFilePath(p.source);
                if (QFileInfo(source).isFile() || p.source.endsWith(QLatin1String(".sock"))) {
                    spec.fileMounts << p.target;
                    continue;
                }
            }
            if (!spec.mounts.contains(p.target))
                spec.mounts << (k8s ? p.target : interpolate(p.target, env));
        }
    if (spec.image.contains(QLatin1Char('$'))) {
        *error = QStringLiteral("the image %1 still holds a variable").arg(spec.image);
        return false;
    }
    *out = spec;
    return true;
}

} // namespace deadbolt
