"""Writes a man page (roff, man macros) from helptext.Help: NAME and DESCRIPTION from the
top level's text, then every option and, for deadbolt-cli, every command with its own
description, options and arguments, as --help prints them."""
import re


def roff(text):
    """Text as roff prints it: backslashes escaped, a leading dot or quote made literal, and
    the minus signs of option names kept minus signs so that they copy and paste."""
    text = text.replace("\\", "\\e")
    text = re.sub(r"(?<![\w-])(--?[A-Za-z][\w-]*)", lambda m: m.group(1).replace("-", "\\-"), text)
    return re.sub(r"^([.'])", r"\\&\1", text, flags=re.M)


def bold(text):
    return "\\fB" + roff(text) + "\\fR"


def options(entries):
    out = []
    for e in entries:
        head = ", ".join(bold(n) for n in e.names)
        if e.value:
            head += " \\fI" + roff(e.value) + "\\fR"
        out += [".TP", head, roff(e.text)]
    return out


def arguments(entries):
    out = []
    for e in entries:
        out += [".TP", "\\fI" + roff(e.names[0]) + "\\fR", roff(e.text)]
    return out


def synopsis(usage):
    # "deadbolt-cli check [options] FILE": the program (and command) bold, the rest as is.
    words = usage.split(" ")
    n = 2 if len(words) > 1 and re.fullmatch(r"[a-z][\w-]*", words[1]) else 1
    return [".B " + roff(" ".join(words[:n])), roff(" ".join(words[n:]))]


def page(name, top, commands, version, date, see_also, files):
    summary = re.split(r"(?<=\.) ", top.paragraphs[0])[0].rstrip(".") if top.paragraphs else name
    out = [f'.TH {roff(name.upper())} 1 "{date}" "Deadbolt {version}" "User Commands"',
           # No hyphenation: it would split file and option names (docker-com-pose.yml).
           ".nh",
           ".SH NAME", f"{roff(name)} \\- {roff(summary)}", ".SH SYNOPSIS"]
    for i, usage in enumerate([top.usage] + [h.usage for _, h in commands]):
        out += ([".br"] if i else []) + synopsis(usage)
    out += [".SH DESCRIPTION"]
    for i, p in enumerate(top.paragraphs):
        out += ([".PP"] if i else []) + [roff(p)]
    out += [".SH OPTIONS"] + options(top.entries("Options"))
    if top.entries("Arguments"):
        out += [".SH ARGUMENTS"] + arguments(top.entries("Arguments"))
    if commands:
        out += [".SH COMMANDS"]
    for command, h in commands:
        out += [f".SS {roff(command)}"] + synopsis(h.usage)
        for p in h.paragraphs:
            out += [".PP", roff(p)]
        if h.entries("Options"):
            out += [".PP", "Options:", ".RS"] + options(h.entries("Options")) + [".RE"]
        if h.entries("Arguments"):
            out += [".PP", "Arguments:", ".RS"] + arguments(h.entries("Arguments")) + [".RE"]
    if files:
        out += [".SH FILES"]
        for path, text in files:
            out += [".TP", "\\fI" + roff(path) + "\\fR", roff(text)]
    out += [".SH SEE ALSO", ", ".join(f"\\fB{roff(p)}\\fR(1)" for p in see_also)]
    return "\n".join(out) + "\n"
