// deadbolt-cli probe against a real Docker engine (DOCKER_HOST, which scripts/test points at a
// dockerd it starts): a test image made here from busybox-static with `docker import` (no
// registry), services that write where real ones do, the proposal, the read-only trial and
// --apply. Skipped with the reason where there is no engine or no busybox.
#include "busyboximage.h"
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace deadbolt::testing;

namespace {

const QString Image = QStringLiteral("deadbolt-test/busybox:probe");

Run cli(const QStringList &args, const QString &dir,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return runProgram(QStringLiteral(DEADBOLT_CLI), args, dir, env);
}

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QStringList strings(const QJsonValue &array, const QString &key = {})
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out << (key.isEmpty() ? v.toString() : v[key].toString());
    return out;
}

} // namespace

class TestCliProbe : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_skip;

private slots:
    // The test image: busybox and a root filesystem with /run, /tmp, /var and /etc, imported
    // as a tarball.
    void initTestCase()
    {
        m_skip = dockerMissing();
        if (!m_skip.isEmpty()) {
            if (qEnvironmentVariable("DEADBOLT_REQUIRE_DOCKER") == QLatin1String("1"))
                QFAIL(qPrintable(m_skip +
                                 QStringLiteral(", and DEADBOLT_REQUIRE_DOCKER=1 (CI) requires them")));
            return;
        }
        const QString error = importBusyboxImage(m_dir.path(), Image);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void proposesAndTries()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        const QString dir = m_dir.filePath(QStringLiteral("web"));
        QVERIFY(QDir().mkpath(dir));
        const QString file = dir + QStringLiteral("/compose.yaml");
        write(
            file,
            "# a service that writes where servers do\n"
            "services:\n"
            "  web:\n"
            "    image: " +
                Image.toUtf8() +
                "\n"
                "    command: sh -c \"mkdir -p /var/cache/app /var/run/app && touch /var/cache/app/x /tmp/y "
                "/var/run/app/app.pid /data/kept && exec sleep 60\"\n"
                "    volumes:\n"
                "      - ./data:/data\n");
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/data")));
        const Run r = cli({QStringLiteral("probe"), file, QStringLiteral("--service"), QStringLiteral("web"),
                           QStringLiteral("--seconds"), QStringLiteral("6"), QStringLiteral("--format"),
                           QStringLiteral("json")},
                          dir);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        const QJsonObject report = parseJson(r.out);
        QCOMPARE(
            strings(report[QStringLiteral("writable")], QStringLiteral("path")),
            (QStringList{QStringLiteral("/run/app"), QStringLiteral("/tmp"), QStringLiteral("/var/cache")}));
        QCOMPARE(strings(report[QStringLiteral("writable")], QStringLiteral("owner")),
                 (QStringList{QStringLiteral("0:0"), QStringLiteral("0:0"), QStringLiteral("0:0")}));
        QVERIFY(report[QStringLiteral("trial")][QStringLiteral("stayedUp")].toBool());
        // Nothing on the host was written: the bind mount was an empty in-memory one.
        QVERIFY(!QFile::exists(dir + QStringLiteral("/data/kept")));

        // --apply: read-only with the three paths, through the verified edits.
        const Run applied =
            cli({QStringLiteral("probe"), file, QStringLiteral("--service"), QStringLiteral("web"),
                 QStringLiteral("--seconds"), QStringLiteral("6"), QStringLiteral("--apply")},
                dir);
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QVERIFY2(applied.out.contains("applied to"), applied.out.constData());
        const Run check =
            cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"), file}, dir);
        QCOMPARE(check.exitCode, 0);
        const QJsonObject web =
            parseJson(check.out)[QStringLiteral("files")][0][QStringLiteral("workloads")][0].toObject();
        QCOMPARE(web[QStringLiteral("status")].toString(), QStringLiteral("immutable-with-exceptions"));
        QCOMPARE(
            strings(web[QStringLiteral("inMemoryPaths")], QStringLiteral("target")),
            (QStringList{QStringLiteral("/run/app"), QStringLiteral("/tmp"), QStringLiteral("/var/cache")}));
        // Read-only without them it does not start: the paths are what makes the trial pass.
        const Run bare =
            runProgram(QStringLiteral("docker"),
                       {QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--read-only"),
                        QStringLiteral("--network"), QStringLiteral("none"), Image, QStringLiteral("sh"),
                        QStringLiteral("-c"), QStringLiteral("mkdir -p /var/cache/app /var/run/app")});
        QVERIFY2(bare.exitCode != 0 && bare.err.contains(QLatin1String("Read-only file system")),
                 qPrintable(bare.err));
    }

    // One that writes nothing: no path to propose, and it stays up read-only.
    void needsNothing()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        const QString file = m_dir.filePath(QStringLiteral("quiet.yaml"));
        write(file,
              "services:\n  quiet:\n    image: " + Image.toUtf8() + "\n    command: [\"sleep\", \"60\"]\n");
        const Run r = cli({QStringLiteral("probe"), file, QStringLiteral("--service"),
                           QStringLiteral("quiet"), QStringLiteral("--seconds"), QStringLiteral("2")},
                          m_dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        QVERIFY2(r.out.contains("writes nothing outside its mounts") && r.out.contains("stayed up"),
                 r.out.constData());
    }

    // Nothing is pulled unless asked: an image that is not here is a clear error.
    void missingImage()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        const QString file = m_dir.filePath(QStringLiteral("absent.yaml"));
        write(file, "services:\n  gone:\n    image: deadbolt-test/absent:1\n");
        const Run r =
            cli({QStringLiteral("probe"), file, QStringLiteral("--service"), QStringLiteral("gone")},
                m_dir.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("not present locally")), qPrintable(r.err));
        write(file, "services:\n  built:\n    build: .\n");
        const Run built =
            cli({QStringLiteral("probe"), file, QStringLiteral("--service"), QStringLiteral("built")},
                m_dir.path());
        QCOMPARE(built.exitCode, 2);
        QVERIFY2(built.err.contains(QLatin1String("names no image")), qPrintable(built.err));
    }

    // A container that cannot start (its command is not in the image) is an error with
    // docker's reason, not an empty proposal.
    void doesNotStart()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        const QString file = m_dir.filePath(QStringLiteral("nostart.yaml"));
        write(file, "services:\n  broken:\n    image: " + Image.toUtf8() +
                        "\n    command: [\"/no/such/program\"]\n");
        const Run r = cli({QStringLiteral("probe"), file, QStringLiteral("--service"),
                           QStringLiteral("broken"), QStringLiteral("--seconds"), QStringLiteral("2")},
                          m_dir.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("did not start")) &&
                     r.err.contains(QLatin1String("/no/such/program")),
                 qPrintable(r.err));
    }

    // An image file changed in place: no tmpfs serves it, and the trial fails with the line
    // that names it.
    void changedImageFileFailsTheTrial()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        const QString file = m_dir.filePath(QStringLiteral("motd.yaml"));
        write(file, "services:\n  motd:\n    image: " + Image.toUtf8() +
                        "\n    entrypoint: [\"sh\", \"-c\"]\n    command: [\"echo again >> /etc/motd || exit "
                        "3; exec sleep 60\"]\n");
        const Run r = cli({QStringLiteral("probe"), file, QStringLiteral("--service"), QStringLiteral("motd"),
                           QStringLiteral("--seconds"), QStringLiteral("3"), QStringLiteral("--format"),
                           QStringLiteral("json")},
                          m_dir.path());
        QCOMPARE(r.exitCode, 1);
        const QJsonObject report = parseJson(r.out);
        QCOMPARE(strings(report[QStringLiteral("modified")]), QStringList{QStringLiteral("/etc/motd")});
        const QJsonObject trial = report[QStringLiteral("trial")].toObject();
        QVERIFY(!trial[QStringLiteral("stayedUp")].toBool());
        QCOMPARE(trial[QStringLiteral("exitCode")].toInt(), 3);
        QVERIFY2(strings(trial[QStringLiteral("paths")]).contains(QStringLiteral("/etc/motd")),
                 r.out.constData());
        const Run text = cli({QStringLiteral("probe"), file, QStringLiteral("--service"),
                              QStringLiteral("motd"), QStringLiteral("--seconds"), QStringLiteral("3")},
                             m_dir.path());
        QVERIFY2(text.out.contains("trial log (last lines):") && text.out.contains("Read-only file system"),
                 text.out.constData());
    }

    // A Kubernetes Job is a one-shot: it must exit 0, read-only, with what it wrote in memory.
    void kubernetesJob()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        const QString file = m_dir.filePath(QStringLiteral("job.yaml"));
        write(file, "apiVersion: batch/v1\nkind: Job\nmetadata: {name: once}\nspec:\n  template:\n    spec:\n"
                    "      restartPolicy: Never\n      containers:\n        - name: task\n          image: " +
                        Image.toUtf8() +
                        "\n          command: [sh, -c]\n          args: [\"touch /tmp/done && test -n "
                        "\\\"$GREETING\\\"\"]\n"
                        "          env: [{name: GREETING, value: hi}]\n");
        const Run r = cli({QStringLiteral("probe"), file, QStringLiteral("--service"), QStringLiteral("task"),
                           QStringLiteral("--seconds"), QStringLiteral("5"), QStringLiteral("--format"),
                           QStringLiteral("json")},
                          m_dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        const QJsonObject report = parseJson(r.out);
        QCOMPARE(strings(report[QStringLiteral("writable")], QStringLiteral("path")),
                 QStringList{QStringLiteral("/tmp")});
        QCOMPARE(report[QStringLiteral("trial")][QStringLiteral("state")].toString(),
                 QStringLiteral("exited"));
    }

    void noEngineIsAClearError()
    {
        const QString file = m_dir.filePath(QStringLiteral("none.yaml"));
        write(file, "services:\n  web:\n    image: nginx\n");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix:///nonexistent/docker.sock"));
        const Run r = cli({QStringLiteral("probe"), file, QStringLiteral("--service"), QStringLiteral("web")},
                          m_dir.path(), env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("Docker is not available")) ||
                     r.err.contains(QLatin1String("cannot run")),
                 qPrintable(r.err));
        QCOMPARE(cli({QStringLiteral("probe"), file, QStringLiteral("--service"), QStringLiteral("nope")},
                     m_dir.path())
                     .exitCode,
                 2);
    }

    void cleanupTestCase()
    {
        if (m_skip.isEmpty())
            runProgram(QStringLiteral("docker"), {QStringLiteral("rmi"), QStringLiteral("--force"), Image});
    }
};

QTEST_GUILESS_MAIN(TestCliProbe)
#include "tst_cli_probe.moc"
