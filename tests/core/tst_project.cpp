// Compose projects read as docker compose merges them: hand-written projects under
// tests/data/projects, each with its expected effective configuration (expected.json, in the
// shape of ../shared/oracles/compose-effective: read_only, tmpfs targets and writable mounts
// per service) or the error it must give (error: "FILE:LINE:COLUMN message part"). Where
// docker-compose is there, expected.json is held against the real tool too.
#include "check/checkrun.h"
#include "project/composeproject.h"

#include "oracle.h"
#include "projectoracle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace deadbolt;
using namespace deadbolt::testing;

namespace {

const QString Projects = QStringLiteral(DEADBOLT_TESTDATA "/projects");

} // namespace

class TestProject : public QObject
{
    Q_OBJECT

private slots:
    void projects_data()
    {
        QTest::addColumn<QString>("dir");
        for (const QString &name : QDir(Projects).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            QTest::addRow("%s", qPrintable(name)) << Projects + QLatin1Char('/') + name;
    }
    void projects()
    {
        QFETCH(QString, dir);
        const QStringList files = filesOf(dir);
        if (QFile::exists(dir + QStringLiteral("/alone")))
            QSKIP("a file checked alone (fragments)");
        QVERIFY2(!files.isEmpty(), "the case has no files");
        const Analysis a = checkProject(files);
        QFile errorFile(dir + QStringLiteral("/error"));
        if (errorFile.open(QIODevice::ReadOnly)) {
            const QString expected = QString::fromUtf8(errorFile.readAll()).trimmed();
            QVERIFY2(!a.errors.isEmpty(), "the project must not be read");
            QVERIFY(a.workloads.isEmpty()); // never a partial answer
            const Diagnostic &d = a.errors.front();
            const QString got = QStringLiteral("%1:%2:%3 %4")
                                    .arg(QDir(dir).relativeFilePath(d.file))
                                    .arg(d.line)
                                    .arg(d.column)
                                    .arg(d.message);
            QVERIFY2(got.startsWith(expected.section(QLatin1Char(' '), 0, 0)) &&
                         got.contains(expected.section(QLatin1Char(' '), 1)),
                     qPrintable(QStringLiteral("got: %1\nexpected: %2").arg(got, expected)));
            return;
        }
        QVERIFY2(a.errors.isEmpty(), qPrintable(a.errors.isEmpty() ? QString() : a.errors.front().message));
        const QJsonObject expected = readJson(dir + QStringLiteral("/expected.json"));
        QVERIFY2(!expected.isEmpty(), "no expected.json");
        const QJsonObject ours = effective(a);
        QVERIFY2(ours == expected, qPrintable(QString::fromUtf8(QJsonDocument(ours).toJson())));
        if (QFile::exists(dir + QStringLiteral("/no-oracle")))
            return;
        if (!haveOracle()) {
            qWarning("no docker-compose or ../shared/oracles: expected.json not held against the real tool");
            return;
        }
        QString error;
        const QJsonObject real = oracle(dir, files, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(real == expected, qPrintable(QString::fromUtf8(QJsonDocument(real).toJson())));
    }

    // A file of fragments read alone: partial, a note, and no failure of the run.
    // What undoes a read-only root follows docker compose's merge: a later privileged: false
    // replaces the base's true; a host folder mounted by a base is gone once a later file puts
    // another volume on its target; a capability added twice is one finding.
    void defeatsFollowTheMerge()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        auto put = [&](const char *name, const QByteArray &bytes) {
            QFile f(tmp.filePath(QLatin1String(name)));
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        QVERIFY(put("compose.yaml", "services:\n  app:\n    image: busybox\n    read_only: true\n"
                                    "    privileged: true\n    cap_add: [SYS_ADMIN]\n"
                                    "    volumes: ['/etc:/host-etc']\n"));
        QVERIFY(put("compose.override.yaml", "services:\n  app:\n    privileged: false\n"
                                             "    cap_add: [SYS_ADMIN]\n    volumes: ['conf:/host-etc']\n"
                                             "volumes:\n  conf: {}\n"));
        ComposeProject project = loadProject(defaultProjectFiles(tmp.path()));
        const Analysis a = analyzeProject(project);
        QVERIFY2(a.errors.isEmpty(), qPrintable(a.errors.value(0).message));
        QCOMPARE(a.workloads.size(), 1);
        const Workload &w = a.workloads[0];
        QStringList defeats;
        for (const Defeat &d : w.defeats)
            defeats << QStringLiteral("%1@%2:%3").arg(d.what).arg(d.where.file).arg(d.where.line);
        // Only the capability is left, once, where the base file adds it.
        QCOMPARE(defeats, QStringList{QStringLiteral("cap_add SYS_ADMIN@0:6")});
        QCOMPARE(w.status(), Status::Defeated);

        QVERIFY(put("compose.override.yaml", "services:\n  app:\n    privileged: false\n"
                                             "    volumes: ['conf:/host-etc']\n"
                                             "volumes:\n  conf: {}\n"));
        QVERIFY(put("compose.yaml", "services:\n  app:\n    image: busybox\n    read_only: true\n"
                                    "    privileged: true\n    volumes: ['/etc:/host-etc']\n"));
        ComposeProject clean = loadProject(defaultProjectFiles(tmp.path()));
        const Analysis b = analyzeProject(clean);
        QVERIFY(b.workloads[0].defeats.isEmpty());
        QCOMPARE(b.workloads[0].status(), Status::ImmutableWithExceptions);
    }
    void fragmentAlone()
    {
        const Analysis a = checkFile(Projects + QStringLiteral("/fragment/override.yml"));
        QCOMPARE(a.workloads.size(), 1);
        QCOMPARE(a.workloads[0].status(), Status::Partial);
        QCOMPARE(a.workloads[0].findings.size(), 1);
        QCOMPARE(a.workloads[0].findings[0].rule, QStringLiteral("DB012"));
        QCOMPARE(checkExitCode({a}, Severity::Error), ExitClean);
    }

    // The multi-file projects of ../shared/corpus: DefectDojo's compose file with each of its
    // overrides, frappe_docker's with each of its own. Each one docker-compose accepts must
    // give what it gives; the count of projects and services compared is printed.
    void corpusProjects()
    {
        const QString corpus = QStringLiteral(DEADBOLT_SHARED "/corpus/compose/");
        if (!QFileInfo::exists(corpus))
            QSKIP("no corpus: DEADBOLT_SHARED/corpus (../shared/corpus) is absent");
        if (!haveOracle())
            QSKIP("no docker-compose or ../shared/oracles/compose-effective");
        const std::vector<std::vector<const char *>> projects = {
            {"DefectDojo__django-DefectDojo__docker-compose.yml",
             "DefectDojo__django-DefectDojo__docker-compose.override.dev.yml"},
            {"DefectDojo__django-DefectDojo__docker-compose.yml",
             "DefectDojo__django-DefectDojo__docker-compose.override.integration_tests.yml"},
            {"frappe__frappe_docker__compose.yaml",
             "frappe__frappe_docker__overrides__compose.migrator.yaml"},
            {"frappe__frappe_docker__compose.yaml", "frappe__frappe_docker__overrides__compose.proxy.yaml"},
            {"frappe__frappe_docker__compose.yaml", "frappe__frappe_docker__overrides__compose.traefik.yaml"},
            {"frappe__frappe_docker__compose.yaml", "frappe__frappe_docker__overrides__compose.traefik.yaml",
             "frappe__frappe_docker__overrides__compose.traefik-ssl.yaml"},
            {"frappe__frappe_docker__compose.yaml",
             "frappe__frappe_docker__overrides__compose.nginxproxy-ssl.yaml"},
        };
        int compared = 0, services = 0, refused = 0;
        for (const auto &project : projects) {
            QStringList files, names;
            for (const char *n : project) {
                names.append(QLatin1String(n));
                files.append(corpus + QLatin1String(n));
            }
            QString error;
            const QJsonObject real = oracle(corpus, files, &error, true);
            if (real.isEmpty()) {
                ++refused; // docker-compose 1.29 refuses it (frappe's `$` in labels, say)
                continue;
            }
            const Analysis a = checkProject(files);
            QVERIFY2(a.errors.isEmpty(), qPrintable(names.join(QLatin1Char(' '))));
            const QJsonObject ours = effective(a);
            QVERIFY2(ours == real, qPrintable(names.join(QLatin1Char(' ')) + QLatin1Char('\n') +
                                              QString::fromUtf8(QJsonDocument(ours).toJson()) +
                                              QString::fromUtf8(QJsonDocument(real).toJson())));
            ++compared;
            services += int(a.workloads.size());
        }
        qInfo("corpus projects: %d compared (%d services), %d refused by docker-compose", compared, services,
              refused);
        QVERIFY(compared >= 2);
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
