// Verification refuses any plan whose text does not make exactly its intended change.
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
        << lineEnd << 0 << "\n      read_only: true" << true << "document 1";
    QTest::addRow("also changes the image")
        << int(text.find("nginx")) << 5 << "httpd\n    read_only: true" << true << "services.web.image";
    QTest::addRow("breaks the syntax")
        << lineEnd << 0 << "\n  read_only: [true" << true << "no longer parses";
    QTest::addRow("change without text") << lineEnd << 0 << "" << true << "read_only is missing";
    QTest::addRow("text without change")
        << lineEnd << 0 << "\n    read_only: true" << false << "unexpected key read_only";
    QTest::addRow("starts a document")
        << lineEnd << 0 << "\n---\n    read_only: true" << true << "new YAML document";
    QTest::addRow("in another document") << int(text.size()) - 3 << 3 << "y\n" << false << "document 2";
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
    const QString result = verifyPlan(file, plan);
    if (error.isEmpty())
        QVERIFY2(result.isEmpty(), qPrintable(result));
    else
        QVERIFY2(result.contains(error), qPrintable(QStringLiteral("got: ") + result));
}

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
