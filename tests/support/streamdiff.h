#pragma once

// Compares two parses of one text node by node: what parseStream's pieces must give is
// exactly what one pass gives (tst_pieces, and the differential fuzz target).
#include "yaml/parser.h"

#include <QString>

namespace deadbolt::testing {

inline QString documentDifference(const yaml::Document &a, const yaml::Document &b)
{
    if (a.begin != b.begin || a.end != b.end || a.firstLine != b.firstLine || a.root != b.root)
        return QStringLiteral("span %1..%2 line %3 against %4..%5 line %6")
            .arg(a.begin)
            .arg(a.end)
            .arg(a.firstLine)
            .arg(b.begin)
            .arg(b.end)
            .arg(b.firstLine);
    if (a.nodes.size() != b.nodes.size())
        return QStringLiteral("%1 nodes against %2").arg(a.nodes.size()).arg(b.nodes.size());
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        const yaml::Node &x = a.nodes[i];
        const yaml::Node &y = b.nodes[i];
        if (x.kind != y.kind || x.scalarStyle != y.scalarStyle || x.collectionStyle != y.collectionStyle ||
            x.tagged != y.tagged || x.withProperties != y.withProperties || x.begin != y.begin ||
            x.end != y.end || x.parent != y.parent || x.firstChild != y.firstChild ||
            x.childCount != y.childCount)
            return QStringLiteral("node %1 differs").arg(i);
    }
    if (a.childIds != b.childIds || a.values != b.values || a.anchorNames != b.anchorNames ||
        a.keyIndex != b.keyIndex)
        return QStringLiteral("children, values, anchors or key index differ");
    if (a.properties.size() != b.properties.size())
        return QStringLiteral("properties differ");
    for (std::size_t i = 0; i < a.properties.size(); ++i)
        if (a.properties[i].node != b.properties[i].node ||
            a.properties[i].headBegin != b.properties[i].headBegin ||
            a.properties[i].anchor != b.properties[i].anchor)
            return QStringLiteral("properties differ");
    return {};
}

inline QString errorsDifference(const std::vector<yaml::ParseError> &a,
                                const std::vector<yaml::ParseError> &b)
{
    if (a.size() != b.size())
        return QStringLiteral("%1 errors or warnings against %2").arg(a.size()).arg(b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].message != b[i].message || a[i].offset != b[i].offset || a[i].line != b[i].line ||
            a[i].column != b[i].column || a[i].document != b[i].document)
            return QStringLiteral("'%1' at %2:%3 (document %4) against '%5' at %6:%7 (document %8)")
                .arg(a[i].message)
                .arg(a[i].line)
                .arg(a[i].column)
                .arg(a[i].document)
                .arg(b[i].message)
                .arg(b[i].line)
                .arg(b[i].column)
                .arg(b[i].document);
    return {};
}

// "" when the two parses are the same in every respect.
inline QString streamDifference(const yaml::Stream &a, const yaml::Stream &b)
{
    if (a.cancelled != b.cancelled)
        return QStringLiteral("one was cancelled");
    if (a.documents.size() != b.documents.size())
        return QStringLiteral("%1 documents against %2").arg(a.documents.size()).arg(b.documents.size());
    for (std::size_t i = 0; i < a.documents.size(); ++i)
        if (const QString d = documentDifference(a.documents[i], b.documents[i]); !d.isEmpty())
            return QStringLiteral("document %1: %2").arg(i + 1).arg(d);
    if (const QString d = errorsDifference(a.errors, b.errors); !d.isEmpty())
        return QStringLiteral("errors: ") + d;
    if (const QString d = errorsDifference(a.warnings, b.warnings); !d.isEmpty())
        return QStringLiteral("warnings: ") + d;
    return {};
}

} // namespace deadbolt::testing
