// Runs the real `deadbolt-cli fix`: byte-exact output, diffs, in-place saves, selections, errors.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "clirun.h"

#include <cstdio>

using namespace deadbolt::testing;

namespace {

const QString Edit = QStringLiteral(DEADBOLT_TESTDATA "/edit");

Run cli(const QStringList &args, const QString &dir = QString())
{
    return runProgram(QStringLiteral(DEADBOLT_CLI), args, dir);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliFix : public QObject
{
    Q_OBJECT
private slots:
    void printsText_data();
    void printsText();
    void diff();
    void suggested();
    void inPlace();
    void errors_data();
    void errors();
    void faultWhileFixing_data();
    void faultWhileFixing();
    void everyGoldenCase_data();
    void everyGoldenCase();

private:
    QTemporaryDir m_tmp;
};

void TestCliFix::printsText_data()
{
    QTest::addColumn<QString>("testCase");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("every workload") << "compose-immutable-comments" << QStringList() << 0;
    QTest::addRow("flow services") << "compose-flow-service" << QStringList() << 0;
    QTest::addRow("crlf") << "compose2-readonly-crlf"
                          << QStringList{QStringLiteral("--service"), QStringLiteral("web")}
                          << 1; // worker stays writable: a finding at error level remains
    QTest::addRow("no final newline")
        << "compose2-readonly-no-final-newline"
        << QStringList{QStringLiteral("--service"), QStringLiteral("worker")} << 1;
    QTest::addRow("tmpfs") << "compose-spec-tmpfs-append-indented"
                           << QStringList{QStringLiteral("--tmpfs"), QStringLiteral("web:/var/run:mode=1777")}
                           << 1;
    QTest::addRow("tmpfs string to list")
        << "compose2-tmpfs-string-to-list"
        << QStringList{QStringLiteral("--tmpfs"), QStringLiteral("web:/var/cache/nginx:uid=101,size=16m")}
        << 0;
}

void TestCliFix::printsText()
{
    QFETCH(QString, testCase);
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    const QString dir = Edit + QLatin1Char('/') + testCase;
    const Run r = cli(QStringList{QStringLiteral("fix"), dir + QStringLiteral("/input.yaml")} + options);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QCOMPARE(r.out, readAll(dir + QStringLiteral("/expected.yaml")));
    QCOMPARE(r.exitCode, exitCode);
}

void TestCliFix::diff()
{
    QFile::copy(Edit + QStringLiteral("/compose2-readonly-after-image/input.yaml"),
                m_tmp.filePath(QStringLiteral("compose.yaml")));
    const Run r =
        cli({QStringLiteral("fix"), QStringLiteral("--diff"), QStringLiteral("compose.yaml")}, m_tmp.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("--- a/compose.yaml\n+++ b/compose.yaml\n@@ "), r.out.constData());
    QCOMPARE(r.out.count("\n+    read_only: true\n"), 2);
    QCOMPARE(r.out.count("\n-"), 0); // nothing removed
    // Without --in-place the file is untouched.
    QCOMPARE(readAll(m_tmp.filePath(QStringLiteral("compose.yaml"))),
             readAll(Edit + QStringLiteral("/compose2-readonly-after-image/input.yaml")));
}

// --suggested: read-only with the paths the image knowledge gives, owned by the image's user;
// an unknown image is left as it is, and said so; then check has no DB014 left.
void TestCliFix::suggested()
{
    const QString path = m_tmp.filePath(QStringLiteral("suggested.yaml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("services:\n  web:\n    image: nginx:1.25\n  db:\n    image: postgres:16-alpine\n"
            "    volumes:\n      - pg:/var/lib/postgresql/data\n  app:\n    image: acme/app:1\nvolumes:\n  "
            "pg: {}\n");
    f.close();
    const Run r = cli({QStringLiteral("fix"), QStringLiteral("--suggested"), QStringLiteral("--in-place"),
                       QStringLiteral("suggested.yaml")},
                      m_tmp.path());
    QCOMPARE(r.exitCode, 1); // app stays mutable
    QVERIFY2(r.err.contains(QLatin1String("app: no knowledge of the image acme/app:1")), qPrintable(r.err));
    const QByteArray text = readAll(path);
    QVERIFY2(text.contains("      - /var/cache/nginx:uid=101,gid=101,size=64m\n"), text.constData());
    QVERIFY2(text.contains("      - /var/run/postgresql:uid=70,gid=70,mode=3777,size=1m\n"),
             text.constData());
    QCOMPARE(text.count("read_only: true"), 2);
    const Run check = cli({QStringLiteral("check"), QStringLiteral("suggested.yaml")}, m_tmp.path());
    QVERIFY2(!check.out.contains("DB014"), check.out.constData());
    QVERIFY2(check.out.contains("app") && check.out.contains("DB001"), check.out.constData());
    // --service picks the workloads.
    QFile::remove(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("services:\n  web:\n    image: nginx:1.25\n  db:\n    image: postgres:16\n");
    f.close();
    const Run one = cli({QStringLiteral("fix"), QStringLiteral("--suggested"), QStringLiteral("--service"),
                         QStringLiteral("db"), QStringLiteral("--diff"), QStringLiteral("suggested.yaml")},
                        m_tmp.path());
    QVERIFY2(one.out.contains("+      - /var/run/postgresql:uid=999,gid=999") &&
                 !one.out.contains("/var/cache/nginx"),
             one.out.constData());
}

void TestCliFix::inPlace()
{
    const QString path = m_tmp.filePath(QStringLiteral("k8s.yaml"));
    QFile::copy(Edit + QStringLiteral("/compose-merge-this-workload/input.yaml"), path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const Run r = cli({QStringLiteral("fix"), QStringLiteral("--in-place"), QStringLiteral("--service"),
                       QStringLiteral("web"), path});
    QVERIFY2(r.exitCode == 1, qPrintable(r.err)); // worker stays writable
    QVERIFY(r.out.isEmpty());
    QCOMPARE(readAll(path), readAll(Edit + QStringLiteral("/compose-merge-this-workload/expected.yaml")));
    QCOMPARE(QFileInfo(path).permissions() & QFileDevice::Permissions::fromInt(0x7077),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // Again, for everything: the result is immutable, and a second run changes nothing.
    Run all = cli({QStringLiteral("fix"), QStringLiteral("--in-place"), path});
    QCOMPARE(all.exitCode, 0);
    const QByteArray once = readAll(path);
    all = cli({QStringLiteral("fix"), QStringLiteral("--in-place"), path});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(readAll(path), once);
}

void TestCliFix::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString input = Edit + QStringLiteral("/compose2-readonly-after-image/input.yaml");
    QTest::addRow("unknown service") << QStringList{QStringLiteral("--service"), QStringLiteral("nope"),
                                                    input}
                                     << "no workload named 'nope'";
    QTest::addRow("bad tmpfs") << QStringList{QStringLiteral("--tmpfs"), QStringLiteral("web"), input}
                               << "SERVICE:/PATH";
    QTest::addRow("bad option") << QStringList{QStringLiteral("--tmpfs"),
                                               QStringLiteral("web:/run:colour=red"), input}
                                << "unknown option";
    QTest::addRow("missing file") << QStringList{m_tmp.filePath(QStringLiteral("absent.yaml"))}
                                  << "absent.yaml";
    QTest::addRow("a folder") << QStringList{m_tmp.path()} << "is a directory";
    QTest::addRow("two files") << QStringList{input, input} << "exactly one FILE";
    QTest::addRow("refused edit") << QStringList{QStringLiteral("--tmpfs"), QStringLiteral("web:/data"),
                                                 Edit + QStringLiteral(
                                                            "/compose-spec-tmpfs-over-volume/input.yaml")}
                                  << "web already mounts /data";
    QTest::addRow("unclosed quote")
        << QStringList{QStringLiteral("--service"), QStringLiteral("web"),
                       QStringLiteral(DEADBOLT_TESTDATA "/cli/unclosed-quote-compose.yml")}
        << "unclosed-quote-compose.yml:5:21: error: while scanning a quoted scalar";
    QTest::addRow("no such path") << QStringList{QStringLiteral("--no-tmpfs"), QStringLiteral("web:/nope"),
                                                 input}
                                  << "web has no in-memory path /nope";
    QTest::addRow("no-tmpfs with options")
        << QStringList{QStringLiteral("--no-tmpfs"), QStringLiteral("web:/run:size=1m"), input}
        << "--no-tmpfs web:/run:size=1m: takes no options";
    QTest::addRow("shared emptyDir without --shared")
        << QStringList{QStringLiteral("--tmpfs"), QStringLiteral("a:/cache:size=64m"),
                       Edit + QStringLiteral("/k8s-emptydir-shared-size/input.yaml")}
        << "the emptyDir cache is also mounted by Pod/p/b";
}

void TestCliFix::errors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = cli(QStringList{QStringLiteral("fix")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

// The golden cases' op lines are command lines: the CLI must give their expected text (or
// refuse with their error), and say which workloads a shared edit changed.
void TestCliFix::everyGoldenCase_data()
{
    QTest::addColumn<QString>("dir");
    const QDir root(Edit);
    for (const QString &c : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        QTest::addRow("%s", qPrintable(c)) << root.filePath(c);
}

void TestCliFix::everyGoldenCase()
{
    QFETCH(QString, dir);
    const QStringList lines =
        QString::fromUtf8(readAll(dir + QStringLiteral("/op"))).split(QLatin1Char('\n'));
    const QStringList words = lines.value(0).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QCOMPARE(words.value(0), QStringLiteral("fix"));
    const Run r = cli(QStringList{QStringLiteral("fix"), dir + QStringLiteral("/input.yaml")} + words.mid(1));
    if (QFile::exists(dir + QStringLiteral("/error"))) {
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QString::fromUtf8(readAll(dir + QStringLiteral("/error"))).trimmed()),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        return;
    }
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));
    QCOMPARE(r.out, readAll(dir + QStringLiteral("/expected.yaml")));
    if (words.contains(QStringLiteral("--shared"))) {
        const QString affected = lines.value(1).mid(int(qstrlen("affected ")));
        for (const QString &name : affected.split(QLatin1Char(',')))
            QVERIFY2(r.err.contains(name), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String(": changes ")), qPrintable(r.err));
    } else {
        QVERIFY2(!r.err.contains(QLatin1String(": changes ")), qPrintable(r.err));
    }
}

void TestCliFix::faultWhileFixing_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("message");
    QTest::newRow("removed") << "removed"
                             << "was removed or renamed since it was read";
    QTest::newRow("replaced by a folder") << "folder"
                                          << "is a folder now";
    QTest::newRow("written by another program") << "written"
                                                << "changed on disk since it was read";
}

// Something happens to the file after `fix --in-place` has read it and before it saves:
// the command exits 2 with the reason, and what the other party left is not touched.
// The file is large enough that the command works for a while after reading it; the test
// acts as soon as /proc says the whole file has been read.
void TestCliFix::faultWhileFixing()
{
    QFETCH(QString, fault);
    QFETCH(QString, message);
    const QString path = m_tmp.filePath(QStringLiteral("fault-%1.yaml").arg(fault));
    QByteArray manifest;
    for (int i = 0; i < 5000; ++i)
        manifest += QByteArrayLiteral("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-") +
                    QByteArray::number(i) +
                    "\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n"
                    "          image: nginx:1.25  # pinned\n";
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(manifest), manifest.size());
    }
    const QByteArray theirs = "services:\n  theirs:\n    image: x\n";

    QProcess p;
    p.start(QStringLiteral(DEADBOLT_CLI), {QStringLiteral("fix"), QStringLiteral("--in-place"), path});
    QVERIFY(p.waitForStarted());
    QFile io(QStringLiteral("/proc/%1/io").arg(p.processId()));
    bool acted = false;
    QElapsedTimer waited;
    waited.start();
    // waitForFinished(1) both sleeps and lets QProcess notice that the command has ended.
    while (!acted && !p.waitForFinished(1) && p.state() == QProcess::Running && waited.elapsed() < 120000) {
        qint64 read = 0;
        if (io.open(QIODevice::ReadOnly)) {
            const QByteArray stats = io.readAll();
            io.close();
            const qsizetype at = stats.indexOf("rchar: ");
            if (at >= 0)
                read = stats.mid(at + 7, stats.indexOf('\n', at) - at - 7).toLongLong();
        }
        if (read < manifest.size())
            continue;
        if (fault == QLatin1String("written")) {
            // As editors and git do: a new file renamed over the old one, with no moment
            // at which the file is missing.
            const QString next = m_tmp.filePath(QStringLiteral("theirs.tmp"));
            QFile f(next);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(theirs);
            f.close();
            QVERIFY(std::rename(qPrintable(next), qPrintable(path)) == 0);
        } else {
            QVERIFY(QFile::remove(path));
            if (fault == QLatin1String("folder"))
                QVERIFY(QDir().mkpath(path));
        }
        acted = true;
    }
    QVERIFY(p.waitForFinished(300000));
    if (!acted)
        QSKIP("deadbolt-cli finished before the test saw it read the file (no /proc/PID/io here?)");
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitCode(), 2);
    // A folder appears just after the file goes: a check in between sees it removed.
    QVERIFY2(err.contains(message) ||
                 (fault == QLatin1String("folder") && err.contains(QLatin1String("removed"))),
             qPrintable(err));
    if (fault == QLatin1String("removed"))
        QVERIFY(!QFileInfo::exists(path));
    else if (fault == QLatin1String("folder"))
        QVERIFY(QFileInfo(path).isDir() && QDir(path).isEmpty());
    else
        QCOMPARE(readAll(path), theirs);
    // No temporary file is left behind.
    const QStringList expected =
        fault == QLatin1String("removed") ? QStringList() : QStringList{QFileInfo(path).fileName()};
    QCOMPARE(QDir(m_tmp.path()).entryList({QStringLiteral("fault-%1*").arg(fault)}, QDir::AllEntries),
             expected);
}

QTEST_GUILESS_MAIN(TestCliFix)
#include "tst_cli_fix.moc"
