#pragma once
// yaml-cpp's floor: its event parser with a handler that does nothing. Whatever the check
// does on top of this is ours; this part only a different parser could make faster.

#include "concurrency/workers.h"
#include "source/sourcetext.h"
#include "yaml/parser.h"

#include <QtConcurrent/QtConcurrentMap>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <numeric>
#include <sstream>
#include <string>
#include <string_view>

namespace bench {

class NullHandler : public YAML::EventHandler
{
public:
    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override {}
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
    {}
    void OnMapEnd() override {}
};

// Parses text with a do-nothing handler; throws what yaml-cpp throws.
inline void parseBare(std::string_view text)
{
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    NullHandler handler;
    while (parser.HandleNextDocument(handler)) {
    }
}

// The same on each document of text, split as the check splits them and shared over the
// same worker threads; returns how many documents there were.
inline std::size_t parseBareSplit(const deadbolt::SourceText &text)
{
    const std::vector<deadbolt::yaml::DocumentSpan> spans = deadbolt::yaml::splitDocuments(text);
    std::vector<std::size_t> indices(spans.size());
    std::iota(indices.begin(), indices.end(), std::size_t(0));
    QtConcurrent::blockingMap(deadbolt::parseWorkers(), indices, [&](std::size_t i) {
        parseBare(text.view().substr(spans[i].begin, spans[i].end - spans[i].begin));
    });
    return spans.size();
}

} // namespace bench
