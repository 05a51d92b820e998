// The image knowledge (resources/images.yaml, built in) and the rules that use it: every entry
// well formed and sourced, references normalised as registries name them, variants told apart
// by tag, and the findings a read-only workload gets for a path its image needs.
#include "check/analyze.h"
#include "images/imageknowledge.h"
#include "model/analyzer.h"
#include "policy/ruleids.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace deadbolt;

namespace {

QStringList rulesOf(const QByteArray &yaml, const QString &workload)
{
    const Analysis a = analyze(parseText(yaml.toStdString(), QStringLiteral("t.yml")));
    QStringList out;
    for (const Workload &w : a.workloads)
        if (w.name == workload)
            for (const Diagnostic &d : w.findings)
                out << d.rule + QLatin1Char(' ') + d.message;
    return out;
}

} // namespace

class TestImages : public QObject
{
    Q_OBJECT

private slots:
    void builtInIsComplete()
    {
        const ImageKnowledge &k = ImageKnowledge::builtIn();
        QVERIFY(k.images().size() >= 30);
        QSet<QString> ids;
        for (const ImageInfo &i : k.images()) {
            QVERIFY2(!ids.contains(i.id), qPrintable(i.id));
            ids.insert(i.id);
            QVERIFY2(!i.sources.isEmpty() && i.sources.front().startsWith(QLatin1String("https://")),
                     qPrintable(i.id));
            QVERIFY2(QRegularExpression(QStringLiteral("^\\d+:\\d+$")).match(i.user).hasMatch(),
                     qPrintable(i.id));
            for (const ImagePath &p : i.writable)
                QVERIFY2(p.owner.isEmpty() || p.owner.contains(QLatin1Char(':')), qPrintable(i.id + p.path));
        }
        // The images the issue names, each known.
        for (const char *image : {"nginx",
                                  "nginxinc/nginx-unprivileged",
                                  "httpd",
                                  "php:8.3-apache",
                                  "php:8.3-fpm",
                                  "wordpress",
                                  "postgres",
                                  "mysql",
                                  "mariadb",
                                  "redis",
                                  "memcached",
                                  "mongo",
                                  "rabbitmq",
                                  "elasticsearch",
                                  "opensearchproject/opensearch",
                                  "grafana/grafana",
                                  "prom/prometheus",
                                  "traefik",
                                  "caddy",
                                  "tomcat",
                                  "node",
                                  "python",
                                  "quay.io/keycloak/keycloak",
                                  "minio/minio",
                                  "gitea/gitea",
                                  "nextcloud"})
            QVERIFY2(k.find(QString::fromLatin1(image)), image);
    }

    // No reference of a known repository matches two entries: the first match is the only one.
    void variantsAreDisjoint()
    {
        const ImageKnowledge &k = ImageKnowledge::builtIn();
        const QStringList tags{
            QStringLiteral("latest"),        QStringLiteral("8.3-apache"), QStringLiteral("8.3-fpm-alpine"),
            QStringLiteral("16-alpine"),     QStringLiteral("16"),         QStringLiteral("7-alpine3.20"),
            QStringLiteral("1.22-rootless"), QStringLiteral("6.5-fpm"),    QStringLiteral("3-management")};
        for (const ImageInfo &i : k.images())
            for (const QString &repo : i.repositories)
                for (const QString &tag : tags) {
                    int matches = 0;
                    for (const ImageInfo &j : k.images()) {
                        if (!j.repositories.contains(repo))
                            continue;
                        const auto glob = [&](const QStringList &g) {
                            for (const QString &p : g)
                                if (QRegularExpression(QRegularExpression::wildcardToRegularExpression(p))
                                        .match(tag)
                                        .hasMatch())
                                    return true;
                            return false;
                        };
                        if ((j.tags.isEmpty() || glob(j.tags)) && !glob(j.excludeTags))
                            ++matches;
                    }
                    QVERIFY2(matches <= 1, qPrintable(repo + QLatin1Char(':') + tag));
                }
    }

    void references_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("tag");
        QTest::addRow("bare") << "nginx"
                              << "nginx"
                              << "latest";
        QTest::addRow("docker hub") << "docker.io/library/nginx:1.25-alpine"
                                    << "nginx"
                                    << "1.25-alpine";
        QTest::addRow("ecr mirror") << "public.ecr.aws/docker/library/redis:7"
                                    << "docker/library/redis"
                                    << "7";
        QTest::addRow("digest") << "postgres:16@sha256:abc"
                                << "postgres"
                                << "16";
        QTest::addRow("registry with port") << "localhost:5000/team/app:2"
                                            << "team/app"
                                            << "2";
        QTest::addRow("quay") << "quay.io/keycloak/keycloak:25.0"
                              << "keycloak/keycloak"
                              << "25.0";
        QTest::addRow("organisation") << "grafana/grafana-oss"
                                      << "grafana/grafana-oss"
                                      << "latest";
    }
    void references()
    {
        QFETCH(QString, image);
        QFETCH(QString, repository);
        QFETCH(QString, tag);
        const ImageReference r = parseImageReference(image);
        QCOMPARE(r.repository, repository);
        QCOMPARE(r.tag, tag);
    }

    void variantsByTag()
    {
        const ImageKnowledge &k = ImageKnowledge::builtIn();
        QCOMPARE(k.find(QStringLiteral("php:8.3-fpm"))->id, QStringLiteral("php-fpm"));
        QCOMPARE(k.find(QStringLiteral("php:8.3-apache"))->id, QStringLiteral("php-apache"));
        QCOMPARE(k.find(QStringLiteral("postgres:16-alpine"))->id, QStringLiteral("postgres-alpine"));
        QCOMPARE(k.find(QStringLiteral("postgres:16"))->id, QStringLiteral("postgres"));
        QVERIFY(!k.find(QStringLiteral("example.com/acme/shop:1")));
        // A tag from the environment: the variant is unknown where the variants differ.
        QVERIFY(!k.find(QStringLiteral("postgres:${PG_TAG}")));
        QVERIFY(k.find(QStringLiteral("nginx:${NGINX_TAG:-1.25}")));
    }

    void malformedFileIsRefused()
    {
        ImageKnowledge k;
        QString error;
        QVERIFY(!k.load("images:\n  - id: x\n    user: \"0:0\"\n", &error));
        QVERIFY2(error.contains(QLatin1String("image x")), qPrintable(error));
        QVERIFY(!k.load("images: [", &error));
        QVERIFY(!k.load("images:\n  - id: y\n    match: {repositories: [y]}\n    user: \"0:0\"\n    sources: "
                        "[https://x]\n"
                        "    writable:\n      - path: relative\n        why: w\n",
                        &error));
        QVERIFY(k.load("images:\n  - id: y\n    match: {repositories: [y]}\n    user: \"0:0\"\n    sources: "
                       "[https://x]\n",
                       &error));
        QCOMPARE(k.images().size(), 1);
    }

    // What check says of a workload whose image it knows.
    void rules()
    {
        // Read-only without the paths: DB014 for each; /var/run and /run are one folder.
        const QByteArray missing = "services:\n  web:\n    image: nginx:1.25\n    read_only: true\n";
        QCOMPARE(
            rulesOf(missing, QStringLiteral("web")).filter(QLatin1String(rules::ImagePathNotWritable)).size(),
            2);
        const QByteArray covered =
            "services:\n  web:\n    image: nginx:1.25\n    read_only: true\n    tmpfs:\n"
            "      - /var/cache\n      - /var/run\n";
        QCOMPARE(rulesOf(covered, QStringLiteral("web")), QStringList());
        // A tmpfs over a folder the image ships, and over its data.
        const QByteArray hidden =
            "services:\n  db:\n    image: postgres:16\n    read_only: true\n    tmpfs:\n"
            "      - /run/postgresql\n      - /var/lib/postgresql\n";
        const QStringList found = rulesOf(hidden, QStringLiteral("db"));
        QVERIFY2(!found.filter(QLatin1String(rules::DataOnTmpfs)).isEmpty(),
                 qPrintable(found.join(QLatin1Char('\n'))));
        QVERIFY2(found.filter(QLatin1String(rules::ImagePathNotWritable)).isEmpty(),
                 qPrintable(found.join(QLatin1Char('\n'))));
        // The hint of a mutable workload names the image's paths; an unknown image keeps the generic one.
        const Analysis a = analyze(parseText(
            "services:\n  web:\n    image: nginx\n  app:\n    image: acme/app\n", QStringLiteral("t.yml")));
        QVERIFY2(a.workloads[0].findings[0].hint.contains(QLatin1String("/var/cache/nginx")),
                 qPrintable(a.workloads[0].findings[0].hint));
        QVERIFY(a.workloads[1].findings[0].hint.contains(QLatin1String("(/tmp, /var/run...)")));
        // Kubernetes: the container's image.
        const QByteArray pod =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
            "    - name: c\n      image: redis:7\n      securityContext: {readOnlyRootFilesystem: true}\n"
            "      volumeMounts: [{name: t, mountPath: /data}]\n  volumes:\n"
            "    - {name: t, emptyDir: {medium: Memory, sizeLimit: 1Gi}}\n";
        QVERIFY(!rulesOf(pod, QStringLiteral("c")).filter(QLatin1String(rules::DataOnTmpfs)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImages)
#include "tst_images.moc"
