// applyChanges: each operation on hand-made trees, and the indexed walk held to a plain
// scan of every mapping on random plans over big mappings (keys added, removed, replaced).
#include "edit/treevalue.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>

using namespace deadbolt::edit;

namespace {

using O = TreeChange::Op;

TreeValue scalar(const std::string &s)
{
    return TreeValue::scalar(s);
}

// The reference: every step a scan from the first entry, as the tree's own find() reads, and
// the operations as they were written before mappings had an index.
bool naiveApply(TreeValue &root, const TreeChange &c, QString *error)
{
    const TreePath &p = c.path;
    const bool toParent = c.op != O::Append && c.op != O::Replace;
    if (toParent && p.empty()) {
        *error = QStringLiteral("empty path");
        return false;
    }
    TreeValue *at = &root;
    const std::size_t steps = toParent ? p.size() - 1 : p.size();
    for (std::size_t i = 0; i < steps; ++i) {
        TreeValue *next = nullptr;
        if (p[i].index >= 0 && at->kind == TreeValue::Kind::Sequence && p[i].index < int(at->items.size()))
            next = &at->items[std::size_t(p[i].index)];
        else if (p[i].index < 0 && at->kind == TreeValue::Kind::Mapping)
            next = at->find(p[i].key);
        if (!next) {
            *error =
                QStringLiteral("%1 does not exist").arg(pathText(TreePath(p.begin(), p.begin() + i + 1)));
            return false;
        }
        at = next;
    }
    const auto missing = [&] {
        *error = QStringLiteral("%1 does not exist").arg(pathText(p));
        return false;
    };
    switch (c.op) {
    case O::Set:
        if (TreeValue *v = at->find(p.back().key))
            *v = c.value;
        else if (at->kind == TreeValue::Kind::Mapping)
            at->entries.emplace_back(p.back().key, c.value);
        else if (at->kind == TreeValue::Kind::Null && at->anchor.empty())
            *at = TreeValue::mapping({{p.back().key, c.value}});
        else {
            *error = QStringLiteral("%1 is not a mapping").arg(pathText(TreePath(p.begin(), p.end() - 1)));
            return false;
        }
        return true;
    case O::Remove:
        for (auto it = at->entries.begin(); it != at->entries.end(); ++it)
            if (it->first == p.back().key) {
                at->entries.erase(it);
                return true;
            }
        return missing();
    case O::Append:
        if (at->kind == TreeValue::Kind::Null)
            at->kind = TreeValue::Kind::Sequence;
        if (at->kind != TreeValue::Kind::Sequence) {
            *error = QStringLiteral("%1 is not a sequence").arg(pathText(p));
            return false;
        }
        at->items.push_back(c.value);
        return true;
    case O::RemoveItem:
        if (at->kind != TreeValue::Kind::Sequence || p.back().index >= int(at->items.size()))
            return missing();
        at->items.erase(at->items.begin() + p.back().index);
        return true;
    case O::Replace:
        *at = c.value;
        return true;
    }
    return false;
}

// Services of 20 keys each, so that both the services mapping and each service are indexed;
// a new one has its keys in another order, so a position read from the old one would be wrong.
TreeValue service(const std::string &image)
{
    std::vector<std::pair<std::string, TreeValue>> keys{{"image", scalar(image)},
                                                        {"tmpfs", TreeValue::sequence({scalar("/run")})}};
    for (int k = 0; k < 18; ++k)
        keys.emplace_back("k" + std::to_string(k), scalar(std::to_string(k)));
    if (image != "img")
        std::reverse(keys.begin(), keys.end());
    return TreeValue::mapping(std::move(keys));
}

TreeValue bigTree(int services)
{
    std::vector<std::pair<std::string, TreeValue>> s;
    for (int i = 0; i < services; ++i)
        s.emplace_back("s" + std::to_string(i), service("img"));
    s.emplace_back("s3", scalar("a duplicate key: the first one is read"));
    return TreeValue::mapping({{"services", TreeValue::mapping(std::move(s))}});
}

TreeChange randomChange(QRandomGenerator &r, int services)
{
    const std::string name = "s" + std::to_string(r.bounded(services + services / 4)); // some missing
    const std::string key = "k" + std::to_string(r.bounded(24));                       // some missing
    TreePath svc{{"services", -1}, {name, -1}};
    auto under = [&](std::initializer_list<PathStep> more) {
        TreePath p = svc;
        p.insert(p.end(), more);
        return p;
    };
    switch (r.bounded(10)) {
    case 0:
        return {O::Set, under({{key, -1}}), scalar("set")}; // added or replaced
    case 1:
        return {O::Remove, under({{key, -1}}), {}};
    case 2:
        return {O::Set, svc, service("new")}; // added or replaced
    case 3:
        return {O::Remove, svc, {}};
    case 4:
        return {O::Append, under({{"tmpfs", -1}}), scalar("/tmp")};
    case 5:
        return {O::RemoveItem, under({{"tmpfs", -1}, {{}, 0}}), {}};
    case 6:
        return {O::Replace, under({{"image", -1}}), scalar("replaced")};
    case 7:
        return {O::Replace, svc, r.bounded(2) ? service("other") : TreeValue::mapping()};
    case 8:
        return {O::Set, under({{key, -1}, {"deeper", -1}}), scalar("x")};
    default:
        if (r.bounded(10) == 0)
            return {O::Replace,
                    {{"services", -1}},
                    r.bounded(2) ? bigTree(services).entries[0].second : TreeValue::mapping()};
        return {O::Set, under({{"image", -1}}), scalar("set")};
    }
}

} // namespace

class TestChangeApply : public QObject
{
    Q_OBJECT
private slots:
    void operations();
    void errors();
    void sameAsScanning();
    void replacedUnderAnIndex();
};

void TestChangeApply::operations()
{
    TreeValue t =
        TreeValue::mapping({{"a", TreeValue{}}, {"b", TreeValue::sequence({scalar("1"), scalar("2")})}});
    QString error;
    QVERIFY(applyChanges(t,
                         {{O::Set, {{"a", -1}, {"x", -1}}, scalar("on null")},
                          {O::Append, {{"b", -1}}, scalar("3")},
                          {O::RemoveItem, {{"b", -1}, {{}, 0}}, {}},
                          {O::Set, {{"c", -1}}, scalar("new")},
                          {O::Replace, {{"c", -1}}, scalar("replaced")},
                          {O::Remove, {{"a", -1}}, {}}},
                         &error));
    const TreeValue want = TreeValue::mapping(
        {{"b", TreeValue::sequence({scalar("2"), scalar("3")})}, {"c", scalar("replaced")}});
    QString where;
    QVERIFY2(sameTree(want, t, &where), qPrintable(where));
}

void TestChangeApply::errors()
{
    TreeValue t = TreeValue::mapping({{"a", scalar("1")}, {"l", TreeValue::sequence({scalar("x")})}});
    QString error;
    QVERIFY(!applyChanges(t, {{O::Set, {{"b", -1}, {"c", -1}}, scalar("1")}}, &error));
    QCOMPARE(error, QStringLiteral("b does not exist"));
    QVERIFY(!applyChanges(t, {{O::Set, {{"a", -1}, {"c", -1}}, scalar("1")}}, &error));
    QCOMPARE(error, QStringLiteral("a is not a mapping"));
    QVERIFY(!applyChanges(t, {{O::Remove, {{"z", -1}}, {}}}, &error));
    QCOMPARE(error, QStringLiteral("z does not exist"));
    QVERIFY(!applyChanges(t, {{O::Append, {{"a", -1}}, scalar("1")}}, &error));
    QCOMPARE(error, QStringLiteral("a is not a sequence"));
    QVERIFY(!applyChanges(t, {{O::RemoveItem, {{"l", -1}, {{}, 1}}, {}}}, &error));
    QCOMPARE(error, QStringLiteral("l[1] does not exist"));
    QVERIFY(!applyChanges(t, {{O::Remove, {}, {}}}, &error));
    QCOMPARE(error, QStringLiteral("empty path"));
}

// The index must never answer otherwise than a scan would: random plans of 400 changes on
// 64 services (above the size from which mappings are indexed), where services are added,
// removed, replaced and the whole mapping replaced, so a stale position would show. Each
// plan holds the changes the reference could make, then one it could not: the indexed walk
// must make the same tree and fail on the last with the same message.
void TestChangeApply::sameAsScanning()
{
    QRandomGenerator r(20261202);
    const int services = 64;
    for (int round = 0; round < 40; ++round) {
        TreeValue scanned = bigTree(services);
        std::vector<TreeChange> plan;
        QString scannedError;
        bool endsRefused = false;
        while (plan.size() < 400) {
            TreeChange c = randomChange(r, services);
            TreeValue before = scanned;
            if (naiveApply(scanned, c, &scannedError)) {
                plan.push_back(std::move(c));
                continue;
            }
            QString where;
            QVERIFY2(sameTree(before, scanned, &where), "a refused change changed nothing");
            if (plan.size() > 300) {
                plan.push_back(std::move(c));
                endsRefused = true;
                break;
            }
        }
        TreeValue indexed = bigTree(services);
        QString indexedError;
        const bool ok = applyChanges(indexed, plan, &indexedError);
        QCOMPARE(ok, !endsRefused);
        if (endsRefused)
            QCOMPARE(indexedError, scannedError);
        QString where;
        QVERIFY2(sameTree(scanned, indexed, &where), qPrintable(where));
    }
}

// The plans that would read a stale position: a big mapping replaced by one with its keys in
// another order, then written into; a key removed, then one added, then both read.
void TestChangeApply::replacedUnderAnIndex()
{
    const TreePath s1{{"services", -1}, {"s1", -1}};
    const auto under = [&](const char *key) {
        TreePath p = s1;
        p.push_back({key, -1});
        return p;
    };
    const std::vector<std::vector<TreeChange>> plans{
        {{O::Set, under("k5"), scalar("a")},
         {O::Set, s1, service("new")},
         {O::Set, under("k5"), scalar("b")}},
        {{O::Set, under("k5"), scalar("a")},
         {O::Replace, s1, service("new")},
         {O::Set, under("k5"), scalar("b")}},
        {{O::Set, under("k5"), scalar("a")},
         {O::Remove, under("k2"), {}},
         {O::Set, under("new"), scalar("n")},
         {O::Set, under("k5"), scalar("b")},
         {O::Set, under("new"), scalar("m")}},
    };
    for (const auto &plan : plans) {
        TreeValue indexed = bigTree(20), scanned = bigTree(20);
        QString error;
        QVERIFY2(applyChanges(indexed, plan, &error), qPrintable(error));
        for (const TreeChange &c : plan)
            QVERIFY(naiveApply(scanned, c, &error));
        QString where;
        QVERIFY2(sameTree(scanned, indexed, &where), qPrintable(where));
    }
}

QTEST_APPLESS_MAIN(TestChangeApply)
#include "tst_changeapply.moc"
