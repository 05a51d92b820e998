#pragma once

#include "yaml/yamltree.h"

#include <QString>
#include <string>
#include <utility>
#include <vector>

namespace deadbolt::edit {

// A document's content as a plain value tree, independent of byte offsets and layout:
// what verification compares (DESIGN.md principle 3). Aliases stay aliases (by anchor
// name) and anchors are kept, so an edit that moves or breaks one shows up as a difference.
// Scalars keep whether they were plain, because plain `true` and quoted "true" differ.
struct TreeValue
{
    enum class Kind { Null, Scalar, Sequence, Mapping, Alias };
    Kind kind = Kind::Null;
    std::string text;  // scalar value, or an alias's anchor name
    bool plain = true; // scalars: written without quotes or block style
    bool tagged = false;
    std::string anchor;
    std::vector<TreeValue> items;                           // sequences
    std::vector<std::pair<std::string, TreeValue>> entries; // mappings, key as its text
    std::string raw; // when planning: existing text to write verbatim (not compared)
    char quote = 0;  // when planning: the quote to use when not plain (0: the file's)

    static TreeValue scalar(std::string text, bool plain = true);
    static TreeValue mapping(std::vector<std::pair<std::string, TreeValue>> entries = {});
    static TreeValue sequence(std::vector<TreeValue> items = {});

    TreeValue *find(std::string_view key);
    const TreeValue *find(std::string_view key) const;
};

TreeValue treeValue(const yaml::Document &doc, yaml::NodeId node);

// One step of a path from a document root: a mapping key, or a sequence index when index >= 0.
struct PathStep
{
    std::string key;
    int index = -1;
};
using TreePath = std::vector<PathStep>;

// The path of `node` from the root, following parent links. Keys are their scalar text.
TreePath pathOf(const yaml::Document &doc, yaml::NodeId node);
QString pathText(const TreePath &path);

// An intended change, applied to the value tree of the original document.
struct TreeChange
{
    enum class Op {
        Set,        // mapping key at path (last step) gets value, added if absent
        Remove,     // mapping key at path (last step) removed
        Append,     // sequence at path gains value
        RemoveItem, // sequence item at path (last step, an index) removed
        Replace     // node at path replaced by value
    };
    Op op = Op::Set;
    TreePath path;
    TreeValue value;
};

// Applies the changes in order; false with *error at the first whose path does not exist in
// the tree. Linear in the changes: keys of big mappings are found through an index
// (changeapply.cpp), so a plan that touches each of 200,000 services does not scan them all.
bool applyChanges(TreeValue &root, const std::vector<TreeChange> &changes, QString *error);

// Structural equality; mappings compare as sets of entries (key order is kept by the text,
// which edits never reorder). On a difference, *where names the first differing path.
bool sameTree(const TreeValue &a, const TreeValue &b, QString *where);

} // namespace deadbolt::edit
