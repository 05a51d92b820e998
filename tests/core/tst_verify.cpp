// Verification refuses any plan whose text does not make exactly its intended change.
#include "check/analyze.h"
#include "edit/verify.h"
#include "model/analyzer.h"

#include <QTest>

using namespace deadbolt;
using namespace deadbolt::edit;

namespace {

const char *const Compose = "services:\n  web:\n    image: nginx\n    ports:\n      - 80:80\n---\nkind: x\n";

TreeChange setReadOnly()
{
    return {
        TreeChange::Op::Set, {{"services", -1}, {"web", -1}, {"read_only", -1}}, TreeValue::scalar("true")};
}

std::size_t after(const std::string &text, const char *what)
{
    return text.find(what) + std::strlen(what);
}

} // namespace

class TestVerify : public QObject
{
    Q_OBJECT
private slots:
    void plans_data();
    void plans();
    void meaning_data();
    void meaning();
};

void TestVerify::plans_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("insert");
    QTest::addColumn<bool>("withChange");
    QTest::addColumn<QString>("error"); // empty: the plan holds

    const std::string text = Compose;
    const int lineEnd = int(after(text, "image: nginx"));
    QTest::addRow("exact") << lineEnd << 0 << "\n    read_only: true" << true << QString();
    QTest::addRow("quoted value is not the boolean")
        << lineEnd << 0 << "\n    read_only: \"true\"" << true
        << "services.web.read_only: expected true, found \"true\"";
    QTest::addRow("wrong indentation nests the key")
        << lineEnd << 0 << "\n      read_only: true" << true
        << "document 1 no longer parses: mapping values are not allowed in this context";
    QTest::addRow("also changes the image")
        << int(text.find("nginx")) << 5 << "httpd\n    read_only: true" << true << "services.web.image";
    QTest::addRow("breaks the syntax")
        << lineEnd << 0 << "\n  read_only: [true" << true << "no longer parses";
    QTest::addRow("change without text") << lineEnd << 0 << "" << true << "read_only is missing";
    QTest::addRow("text without change")
        << lineEnd << 0 << "\n    read_only: true" << false << "unexpected key read_only";
    QTest::addRow("starts a document")
        << lineEnd << 0 << "\n---\n    read_only: true" << true << "new YAML document";
    QTest::addRow("in another document")
        << int(text.size()) - 3 << 3 << "y\n"
        << false << "document 2 would change beyond the edit: (document root)";
}

void TestVerify::plans()
{
    QFETCH(int, offset);
    QFETCH(int, length);
    QFETCH(QString, insert);
    QFETCH(bool, withChange);
    QFETCH(QString, error);

    const ParsedFile file = parseText(Compose, QStringLiteral("compose.yaml"));
    QVERIFY(file.ok());
    Plan plan;
    plan.replacements.push_back({std::size_t(offset), std::size_t(length), insert.toStdString()});
    if (withChange)
        plan.changes[0].push_back(setReadOnly());
    const QString result = verifyText(file, plan);
    if (error.isEmpty())
        QVERIFY2(result.isEmpty(), qPrintable(result));
    else
        QVERIFY2(result.contains(error), qPrintable(QStringLiteral("got: ") + result));
}

// The meaning check: the same text edit against declared effects. The tree check holds in
// every row (the text makes exactly the planned tree change); only the effect differs.
void TestVerify::meaning_data()
{
    QTest::addColumn<QString>("insert");
    QTest::addColumn<QString>("declared"); // "ro", "tmpfs /run", or "" for nothing
    QTest::addColumn<QString>("error");    // empty: the plan holds

    QTest::addRow("read-only as declared") << "\n    read_only: true"
                                           << "ro" << QString();
    QTest::addRow("read-only undeclared") << "\n    read_only: true"
                                          << ""
                                          << "would make web read-only instead of writable";
    QTest::addRow("tmpfs as declared") << "\n    tmpfs: /run"
                                       << "tmpfs /run" << QString();
    QTest::addRow("tmpfs undeclared") << "\n    tmpfs: /run"
                                      << ""
                                      << "would also add in-memory path /run to web";
    QTest::addRow("declared tmpfs missing") << "\n    tmpfs: /tmp"
                                            << "tmpfs /run"
                                            << "would also remove in-memory path /run from web";
    QTest::addRow("wrong options") << "\n    tmpfs: /run:size=2m"
                                   << "tmpfs /run"
                                   << "would change in-memory path /run of web (size '' -> '2m')";
    QTest::addRow("volume undeclared") << "\n    volumes: [data:/data]"
                                       << ""
                                       << "would also add persistent path /data to web";
}

void TestVerify::meaning()
{
    QFETCH(QString, insert);
    QFETCH(QString, declared);
    QFETCH(QString, error);

    const ParsedFile file = parseText(Compose, QStringLiteral("compose.yaml"));
    QVERIFY(file.ok());
    const Analysis analysis = analyze(file);
    const std::string text = Compose;
    const std::size_t at = after(text, "image: nginx");
    // The tree change the text makes, so that the text check holds and the meaning decides.
    const std::string added = insert.toStdString();
    const std::string key = added.substr(5, added.find(':') - 5);
    const ParsedFile edited = parseText(text.substr(0, at) + added + text.substr(at), QStringLiteral("x"));
    QVERIFY(edited.ok());
    const yaml::Document &d = edited.stream.documents[0];
    const yaml::NodeId web = d.path(d.root, {"services", "web"});
    Plan plan;
    plan.replacements.push_back({at, 0, added});
    plan.changes[0].push_back(
        {TreeChange::Op::Set, {{"services", -1}, {"web", -1}, {key, -1}}, treeValue(d, d.get(web, key))});
    if (declared == QLatin1String("ro"))
        plan.effect.workloads[QStringLiteral("web")].readOnly = true;
    if (declared.startsWith(QLatin1String("tmpfs "))) {
        PathChange add;
        add.target = declared.mid(6);
        add.spec.target = add.target;
        plan.effect.workloads[QStringLiteral("web")].paths.append(add);
    }
    QVERIFY2(verifyText(file, plan).isEmpty(), qPrintable(verifyText(file, plan)));
    const Verdict verdict = verifyPlan(file, analysis, plan);
    if (error.isEmpty()) {
        QVERIFY2(verdict.ok(), qPrintable(verdict.error));
    } else {
        QCOMPARE(verdict.error, error);
        QCOMPARE(verdict.unexpected, declared.isEmpty() ? QStringList{QStringLiteral("web")} : QStringList());
    }
}

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
