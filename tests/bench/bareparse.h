#pragma once
// libyaml's floor: its event parser with nothing done on the events. Whatever the check does
// on top of this is ours; this part only a different parser could make faster.

#include <yaml.h>

#include <stdexcept>
#include <string_view>

namespace bench {

// Parses text's events and drops them; returns how many documents there were. Throws
// std::runtime_error with libyaml's problem when the text is not YAML.
inline std::size_t parseBare(std::string_view text)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        throw std::runtime_error("out of memory");
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char *>(text.data()), text.size());
    std::size_t documents = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            const std::string problem = parser.problem ? parser.problem : "invalid YAML";
            yaml_parser_delete(&parser);
            throw std::runtime_error(problem);
        }
        const yaml_event_type_t type = event.type;
        documents += type == YAML_DOCUMENT_START_EVENT;
        yaml_event_delete(&event);
        if (type == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&parser);
    return documents;
}

} // namespace bench
