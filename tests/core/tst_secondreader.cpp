// yaml-cpp as the second reader: readBack finds what each change wrote, or says why not.
#include "edit/secondreader.h"

#include <QTest>

using namespace deadbolt::edit;

namespace {

PathStep key(const char *k)
{
    return {k, -1};
}

PathStep item(int i)
{
    return {{}, i};
}

TreeChange change(TreeChange::Op op, TreePath path, TreeValue value = {})
{
    return {op, std::move(path), std::move(value)};
}

const char *const Compose = "services:\n"
                            "  web:\n"
                            "    image: nginx\n"
                            "    read_only: true\n"
                            "    tmpfs:\n"
                            "      - /run\n"
                            "      - /tmp\n"
                            "  db:\n"
                            "    image: postgres\n"
                            "    read_only: 'true'\n";

} // namespace

class TestSecondReader : public QObject
{
    Q_OBJECT
private slots:
    void agrees_data();
    void agrees();
    void manyChangesOneWalk();
};

void TestSecondReader::agrees_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<int>("op");
    QTest::addColumn<QByteArrayList>("path"); // "#N" is a sequence index
    QTest::addColumn<QByteArray>("value");    // a scalar; "" for none
    QTest::addColumn<QByteArray>("error");    // "" when yaml-cpp agrees

    using O = TreeChange::Op;
    const QByteArray c = Compose;
    const auto row = [](const char *name, const QByteArray &doc, O op, const QByteArrayList &path,
                        const char *value, const char *error) {
        QTest::addRow("%s", name) << doc << int(op) << path << QByteArray(value) << QByteArray(error);
    };
    row("set found", c, O::Set, QByteArrayList{"services", "web", "read_only"}, "true", "");
    row("set differs", c, O::Set, QByteArrayList{"services", "web", "read_only"}, "false",
        "services.web.read_only: 'false' here, 'true' for yaml-cpp");
    row("quoted text is the same scalar to yaml-cpp", c, O::Set,
        QByteArrayList{"services", "db", "read_only"}, "true", "");
    row("set missing", c, O::Set, QByteArrayList{"services", "api", "read_only"}, "true",
        "yaml-cpp finds nothing at services.api.read_only");
    row("path through a scalar", c, O::Set, QByteArrayList{"services", "web", "image", "x"}, "1",
        "yaml-cpp finds nothing at services.web.image.x");
    row("replace an item", c, O::Replace, QByteArrayList{"services", "web", "tmpfs", "#1"}, "/tmp", "");
    row("index past the end", c, O::Replace, QByteArrayList{"services", "web", "tmpfs", "#2"}, "/tmp",
        "yaml-cpp finds nothing at services.web.tmpfs[2]");
    row("append is the last item", c, O::Append, QByteArrayList{"services", "web", "tmpfs"}, "/tmp", "");
    row("append not last", c, O::Append, QByteArrayList{"services", "web", "tmpfs"}, "/run",
        "services.web.tmpfs (last item): '/run' here, '/tmp' for yaml-cpp");
    row("append to no list", c, O::Append, QByteArrayList{"services", "web", "image"}, "x",
        "yaml-cpp finds no list at services.web.image");
    row("removed", c, O::Remove, QByteArrayList{"services", "web", "user"}, "", "");
    row("still there", c, O::Remove, QByteArrayList{"services", "web", "image"}, "",
        "yaml-cpp still finds services.web.image");
    row("last of duplicate keys", "a:\n  k: 1\n  k: 2\n", O::Set, QByteArrayList{"a", "k"}, "2", "");
    row("not the first duplicate", "a:\n  k: 1\n  k: 2\n", O::Set, QByteArrayList{"a", "k"}, "1",
        "a.k: '1' here, '2' for yaml-cpp");
    row("unreadable", "a: [1\n", O::Set, QByteArrayList{"a"}, "1", "yaml-cpp cannot read the result");
}

void TestSecondReader::agrees()
{
    QFETCH(QByteArray, document);
    QFETCH(int, op);
    QFETCH(QByteArrayList, path);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, error);

    TreePath p;
    for (const QByteArray &s : path)
        p.push_back(s.startsWith('#') ? item(s.mid(1).toInt()) : key(s.constData()));
    const TreeValue v = value.isEmpty() ? TreeValue{} : TreeValue::scalar(value.toStdString());
    const QString got = readBack(document.toStdString(), {change(TreeChange::Op(op), p, v)});
    if (error.isEmpty())
        QCOMPARE(got, QString());
    else
        QVERIFY2(got.startsWith(QString::fromUtf8(error)), qPrintable(got));
}

// Changes that share their path's first steps are found in one walk, each at its own node:
// every service of a big file, each with its own value, and the first that differs is named.
void TestSecondReader::manyChangesOneWalk()
{
    std::string doc = "services:\n";
    std::vector<TreeChange> changes;
    const int n = 3000;
    for (int i = 0; i < n; ++i) {
        const std::string name = "s" + std::to_string(i);
        doc += "  " + name + ":\n    image: img" + std::to_string(i) + "\n    read_only: true\n";
        changes.push_back(change(TreeChange::Op::Set, {key("services"), key(name.c_str()), key("image")},
                                 TreeValue::scalar("img" + std::to_string(i))));
        changes.push_back(change(TreeChange::Op::Set, {key("services"), key(name.c_str()), key("read_only")},
                                 TreeValue::scalar("true")));
    }
    QCOMPARE(readBack(doc, changes), QString());

    changes[2 * 1234].value = TreeValue::scalar("img1235");
    QCOMPARE(readBack(doc, changes),
             QStringLiteral("services.s1234.image: 'img1235' here, 'img1234' for yaml-cpp"));
}

QTEST_APPLESS_MAIN(TestSecondReader)
#include "tst_secondreader.moc"
