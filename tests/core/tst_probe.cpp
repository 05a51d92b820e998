// The probe's pure parts (probe/probe.h, probe/runspec.h): what docker diff means for a
// read-only root, the log lines that name a read-only failure, and the run settings read from
// Compose and Kubernetes as docker compose and the kubelet read them.
#include "check/analyze.h"
#include "probe/probe.h"

#include <QTest>

using namespace deadbolt;

class TestProbe : public QObject
{
    Q_OBJECT

private slots:
    void needs()
    {
        const QVector<DiffEntry> diff =
            parseDockerDiff(QStringLiteral("C /var\nA /var/cache\nA /var/cache/nginx\n"
                                           "A /var/cache/nginx/proxy_temp\nC /run\n"
                                           "A /run/nginx.pid\nC /etc\nC /etc/nginx\n"
                                           "C /etc/nginx/conf.d/default.conf\nC /tmp\n"
                                           "A /tmp/a\nA /tmp/sub\nA /tmp/sub/b\n"
                                           "C /data\nA /data/x\nD /etc/old.conf\n"
                                           "garbage line\n"));
        QCOMPARE(diff.size(), 16);
        const WritableNeeds n = writableNeeds(diff, {QStringLiteral("/data")});
        // A new folder counts from its topmost new part; a file in an image folder makes the
        // folder writable; none nested; the mount already writable left out.
        QCOMPARE(n.directories,
                 (QStringList{QStringLiteral("/run"), QStringLiteral("/tmp"), QStringLiteral("/var/cache")}));
        QCOMPARE(n.sample.value(QStringLiteral("/var/cache")), QStringLiteral("/var/cache/nginx/proxy_temp"));
        QCOMPARE(n.modified, (QStringList{QStringLiteral("/etc/nginx/conf.d/default.conf"),
                                          QStringLiteral("/etc/old.conf")}));
        QVERIFY(writableNeeds({}, {}).directories.isEmpty());
        // A file created at the root cannot be served by a folder.
        QCOMPARE(writableNeeds(parseDockerDiff(QStringLiteral("A /flag")), {}).modified,
                 QStringList{QStringLiteral("/flag")});
    }

    // "/a.lock" and "/a-b" sort between "/a" and "/a/x": neither hides a child nor a nesting.
    void needsWithNeighbours()
    {
        const WritableNeeds n =
            writableNeeds(parseDockerDiff(QStringLiteral(
                              "C /var\nC /var/lib\nC /var/lib/app\nA /var/lib/app.lock\n"
                              "A /var/lib/app/state.db\nC /srv\nA /srv/app\nA /srv/app/x\n"
                              "A /srv/app-cache\nA /srv/app-cache/y\nA /srv/app/tmp\nA /srv/app/tmp/z\n")),
                          {});
        QCOMPARE(n.modified, QStringList());
        QCOMPARE(n.directories, (QStringList{QStringLiteral("/srv/app"), QStringLiteral("/srv/app-cache"),
                                             QStringLiteral("/var/lib")})); // /var/lib/app is inside /var/lib
    }

    // docker cp's tar: the owner past a PAX header (big ids), octal ended by a space or NUL,
    // base-256.
    void tarOwners()
    {
        const auto header = [](char type, const QByteArray &uid, const QByteArray &gid, qint64 size) {
            QByteArray h(512, '\0');
            h.replace(0, 4, "file");
            h.replace(108, uid.size(), uid);
            h.replace(116, gid.size(), gid);
            const QByteArray s = QByteArray::number(size, 8).rightJustified(11, '0');
            h.replace(124, s.size(), s);
            h[156] = type;
            return h;
        };
        QCOMPARE(tarOwner(header('0', QByteArray("0001750\0", 8), QByteArray("0001750 ", 8), 0)),
                 QStringLiteral("1000:1000"));
        const QByteArray records = "21 uid=1000680000\n21 gid=1000680000\n";
        QByteArray pax = header('x', QByteArray(8, '\0'), QByteArray(8, '\0'), records.size()) + records;
        pax += QByteArray(512 - records.size(), '\0');
        QCOMPARE(tarOwner(pax + header('0', "0000000", "0000000", 0)),
                 QStringLiteral("1000680000:1000680000"));
        QByteArray big(8, '\0');
        big[0] = char(0x80);
        big[7] = char(0x21);
        QCOMPARE(tarOwner(header('0', big, "0000041", 0)), QStringLiteral("33:33"));
        QCOMPARE(tarOwner(QByteArray(100, 'x')), QString());
    }

    void readOnlyLines()
    {
        QStringList paths;
        const QStringList lines = readOnlyErrors(
            QStringLiteral(
                "starting\nnginx: [emerg] mkdir() \"/var/cache/nginx/client_temp\" failed (30: Read-only "
                "file system)\nsh: can't create /etc/motd: Read-only file system\nok\n"),
            &paths);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(paths,
                 (QStringList{QStringLiteral("/var/cache/nginx/client_temp"), QStringLiteral("/etc/motd")}));
    }

    void shellWords()
    {
        QCOMPARE(splitShellWords(QStringLiteral("sh -c \"echo 'a b' && exec \\\"x\\\"\"  last\\ word")),
                 (QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                              QStringLiteral("echo 'a b' && exec \"x\""), QStringLiteral("last word")}));
        QCOMPARE(splitShellWords(QStringLiteral("a '' b")),
                 (QStringList{QStringLiteral("a"), QString(), QStringLiteral("b")}));
        // As shlex: in double quotes a backslash escapes only " and \\; an open quote is refused.
        QCOMPARE(splitShellWords(QStringLiteral("sh -c \"echo \\$HOME\"")),
                 (QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo \\$HOME")}));
        bool ok = true;
        splitShellWords(QStringLiteral("echo 'open"), &ok);
        QVERIFY(!ok);
        splitShellWords(QStringLiteral("echo done"), &ok);
        QVERIFY(ok);
    }

    void interpolation()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("SET"), QStringLiteral("v"));
        env.insert(QStringLiteral("EMPTY"), QString());
        QCOMPARE(interpolate(
                     QStringLiteral("${SET} $SET ${UNSET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d} $$SET"), env),
                 QStringLiteral("v v d d  d $SET"));
    }

    void runSettings()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TAG"), QStringLiteral("1.25"));
        const ParsedFile compose = parseText(
            "x-env: &env {A: \"1\"}\nservices:\n  web:\n    image: nginx:${TAG}\n    entrypoint: "
            "[\"/bin/run\", \"--x\"]\n"
            "    command: serve --port 80\n    environment:\n      <<: *env\n      B: two\n    user: "
            "\"33:33\"\n"
            "    working_dir: /srv\n    tmpfs: [/tmp]\n    volumes: [\"data:/data\"]\nvolumes: {data: {}}\n",
            QStringLiteral("c.yml"));
        const Analysis a = analyze(compose);
        RunSpec spec;
        QString error;
        QVERIFY2(runSpecOf(compose, a.workloads[0], env, &spec, &error), qPrintable(error));
        QCOMPARE(spec.image, QStringLiteral("nginx:1.25"));
        QCOMPARE(*spec.entrypoint, (QStringList{QStringLiteral("/bin/run"), QStringLiteral("--x")}));
        QCOMPARE(*spec.command,
                 (QStringList{QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("80")}));
        QStringList environment = spec.environment; // merged keys come in their own order
        environment.sort();
        QCOMPARE(environment, (QStringList{QStringLiteral("A=1"), QStringLiteral("B=two")}));
        QCOMPARE(spec.user, QStringLiteral("33:33"));
        QCOMPARE(spec.workingDir, QStringLiteral("/srv"));
        QCOMPARE(spec.mounts, (QStringList{QStringLiteral("/tmp"), QStringLiteral("/data")}));

        const ParsedFile pod =
            parseText("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n"
                      "      securityContext: {runAsUser: 1000, runAsGroup: 2000}\n      containers:\n"
                      "        - name: c\n          image: busybox:${TAG}\n          command: [sh, -c]\n"
                      "          args: [\"echo $(GREETING) $$(GREETING) ${TAG}\"]\n"
                      "          env: [{name: GREETING, value: hi}, {name: S, valueFrom: {secretKeyRef: "
                      "{name: s, key: k}}}]\n"
                      "          securityContext: {runAsUser: 1001}\n",
                      QStringLiteral("j.yaml"));
        const Analysis k = analyze(pod);
        // Kubernetes does not interpolate: an image with ${TAG} is as written, and refused.
        QVERIFY(!runSpecOf(pod, k.workloads[0], env, &spec, &error));
        QVERIFY2(error.contains(QLatin1String("variable")), qPrintable(error));
        std::string text = pod.text.bytes();
        text.replace(text.find("${TAG}\n"), 6, "1");
        const ParsedFile fixed = parseText(text, QStringLiteral("j.yaml"));
        QVERIFY2(runSpecOf(fixed, analyze(fixed).workloads[0], env, &spec, &error), qPrintable(error));
        QCOMPARE(spec.user, QStringLiteral("1001:2000"));
        QCOMPARE(spec.environment, QStringList{QStringLiteral("GREETING=hi")});
        QCOMPARE(*spec.command, QStringList{QStringLiteral("echo hi $(GREETING) ${TAG}")});
        QVERIFY(spec.oneShot);
    }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"
