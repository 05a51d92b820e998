#include "model/analyzer.h"
#include "model/scalars.h"

#include <QtTest>

using namespace deadbolt;

class TestScalars : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The value of `key` in a one-line mapping, read as read_only / readOnlyRootFilesystem.
    void readBool_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("truth"); // 1 true, 0 false, -1 interpolated
        QTest::addColumn<bool>("notBoolean");
        const std::tuple<const char *, int, bool> rows[] = {
            {"true", 1, false},
            {"True", 1, false},
            {"TRUE", 1, false},
            {"yes", 1, false},
            {"Yes", 1, false},
            {"on", 1, false},
            {"ON", 1, false},
            {"y", 1, false},
            {"Y", 1, false},
            {"tRuE", 1, false},
            {"\"true\"", 1, false},
            {"' yes '", 1, false},
            {"false", 0, false},
            {"no", 0, false},
            {"off", 0, false},
            {"n", 0, false},
            {"\"false\"", 0, false},
            {"null", 0, false},
            {"~", 0, false},
            {"", 0, false},
            {"1", 1, true},
            {"2.5", 1, true},
            {"0", 0, true},
            {"0.0", 0, true},
            {"\"1\"", 0, true},
            {"enabled", 0, true},
            {"[a]", 1, true},
            {"[]", 0, true},
            {"{}", 0, true},
            {"${RO}", -1, false},
            {"\"${RO:-true}\"", -1, false},
            {"$RO", -1, false},
            {"x${RO}", -1, false},
        };
        for (const auto &[value, truth, notBoolean] : rows)
            QTest::addRow("%s", value) << QByteArray(value) << truth << notBoolean;
    }
    void readBool()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, truth);
        QFETCH(bool, notBoolean);
        const ParsedFile file = parseText("key: " + value.toStdString() + "\n", QStringLiteral("v.yaml"));
        QVERIFY2(file.ok(), qPrintable(file.errors.value(0).message));
        const yaml::Document &doc = file.stream.documents.at(0);
        const scalars::BoolReading r = scalars::readBool(doc, doc.get(doc.root, "key"));
        const int actual = r.truth == scalars::Truth::True ? 1 : r.truth == scalars::Truth::False ? 0 : -1;
        QCOMPARE(actual, truth);
        QCOMPARE(r.notBoolean, notBoolean);
    }

    void mountOptions_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<qint64>("uid"); // -1: unset
        QTest::addColumn<qint64>("gid");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("size");
        QTest::addColumn<bool>("readOnly");
        QTest::addRow("all") << QStringLiteral("uid=33,gid=33,mode=0755,size=64m") << 33ll << 33ll
                             << QStringLiteral("0755") << QStringLiteral("64m") << false;
        QTest::addRow("spaces") << QStringLiteral(" size=1g , uid=1000 ") << 1000ll << -1ll << QString()
                                << QStringLiteral("1g") << false;
        QTest::addRow("flags") << QStringLiteral("noexec,nosuid,ro") << -1ll << -1ll << QString() << QString()
                               << true;
        QTest::addRow("bad-uid") << QStringLiteral("uid=www-data") << -1ll << -1ll << QString() << QString()
                                 << false;
        QTest::addRow("empty") << QString() << -1ll << -1ll << QString() << QString() << false;
    }
    void mountOptions()
    {
        QFETCH(QString, options);
        QFETCH(qint64, uid);
        QFETCH(qint64, gid);
        QFETCH(QString, mode);
        QFETCH(QString, size);
        QFETCH(bool, readOnly);
        const std::string text = options.toStdString();
        const scalars::MountOptions o = scalars::parseMountOptions(text);
        QCOMPARE(o.uid.value_or(-1), uid);
        QCOMPARE(o.gid.value_or(-1), gid);
        QCOMPARE(o.mode, mode);
        QCOMPARE(o.size, size);
        QCOMPARE(o.readOnly, readOnly);
    }

    void worldWritable()
    {
        QVERIFY(scalars::modeWorldWritable("1777"));
        QVERIFY(scalars::modeWorldWritable("0777"));
        QVERIFY(scalars::modeWorldWritable("777"));
        QVERIFY(scalars::modeWorldWritable("0773"));
        QVERIFY(!scalars::modeWorldWritable("0755"));
        QVERIFY(!scalars::modeWorldWritable("1775"));
        QVERIFY(!scalars::modeWorldWritable(""));
        QVERIFY(!scalars::modeWorldWritable("rwx"));
    }

    void composeUid()
    {
        QCOMPARE(scalars::composeUid("33"), std::optional<qint64>(33));
        QCOMPARE(scalars::composeUid("1000:1000"), std::optional<qint64>(1000));
        QCOMPARE(scalars::composeUid("root"), std::optional<qint64>(0));
        QCOMPARE(scalars::composeUid("root:root"), std::optional<qint64>(0));
        QCOMPARE(scalars::composeUid("www-data"), std::nullopt);
        QCOMPARE(scalars::composeUid(""), std::nullopt);
    }

    void interpolation()
    {
        QVERIFY(scalars::isInterpolated("${RO}"));
        QVERIFY(scalars::isInterpolated("${RO:-true}"));
        QVERIFY(scalars::isInterpolated("$RO"));
        QVERIFY(scalars::isInterpolated("pre${X}"));
        QVERIFY(!scalars::isInterpolated("true"));
        QVERIFY(!scalars::isInterpolated("a$b"));
    }
};

QTEST_GUILESS_MAIN(TestScalars)
#include "tst_scalars.moc"
