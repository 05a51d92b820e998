"""Reads the help a binary prints (QCommandLineParser's layout, which deadbolt-cli's own top
level copies) into plain data. The man pages and completions are made from this and nothing
else, so an option added to a command appears in them at the next build without anyone
editing a list; the price is that this parser must follow Qt's layout, which
tests/packaging/test_helpdoc.sh checks against every --help."""
import os
import re
import subprocess
from dataclasses import dataclass, field

# Only these: a description may have a line of its own ending in a colon ("Examples:").
SECTION = re.compile(r"^(Options|Arguments|Commands):$")
# "a, b or c" right after a colon: how the commands list an option's values
# ("Output format: text, json or sarif (default: text).").
CHOICES = re.compile(r": ((?:[a-z][\w-]*, )*[a-z][\w-]*,? or [a-z][\w-]*)\b")


@dataclass
class Entry:
    names: list          # ["-f", "--file"] for an option, ["paths"] for an argument or command
    value: str = ""      # the option's value name ("file"), empty for a switch
    text: str = ""

    def choices(self):
        """The values the description lists, if it lists them."""
        m = CHOICES.search(self.text) if self.value else None
        return re.split(r",? or |, ", m.group(1)) if m else []

    def repeatable(self):
        return bool(re.search(r"\brepeat", self.text, re.I))


@dataclass
class Help:
    usage: str                          # after "Usage: ", naming the program by its name
    paragraphs: list = field(default_factory=list)
    sections: dict = field(default_factory=dict)   # "Options" -> [Entry]

    def entries(self, section):
        return self.sections.get(section, [])


def parse(text, program):
    """program: the name the usage line should show ("deadbolt-cli check")."""
    lines = text.splitlines()
    if not lines or not lines[0].startswith("Usage: "):
        raise ValueError(f"{program}: help does not start with 'Usage: '")
    # QCommandLineParser names the program by the path it was started by.
    usage = re.sub(r"^\S+", program.split()[0], lines[0][len("Usage: "):])
    result = Help(usage)
    section, paragraph = None, []
    for line in lines[1:]:
        header = SECTION.match(line)
        if header:
            section = header.group(1)
            result.sections[section] = []
        elif section is None:
            if line.strip():
                paragraph.append(line.strip())
            elif paragraph:
                result.paragraphs.append(" ".join(paragraph))
                paragraph = []
        elif line.startswith("  ") and not line.startswith("   "):
            head, *text = re.split(r"\s{2,}", line.strip(), maxsplit=1)
            result.sections[section].append(entry(head, "".join(text), section))
        elif line.strip() and result.sections[section]:
            last = result.sections[section][-1]
            last.text = (last.text + " " + line.strip()).strip()
    if paragraph:
        result.paragraphs.append(" ".join(paragraph))
    return result


def entry(head, text, section):
    if section != "Options":
        return Entry([head], "", text)
    value = ""
    m = re.search(r" <([^>]*)>$", head)
    if m:
        value, head = m.group(1), head[:m.start()]
    return Entry([n.strip() for n in head.split(",")], value, text)


def run(argv):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8")
    out = subprocess.run(argv, env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return out.stdout.decode("utf-8")


def read(binary):
    """The top level's help and, for a binary with commands, each command's: [(name, Help)]."""
    name = os.path.basename(binary)
    top = parse(run([binary, "--help"]), name)
    commands = [(c.names[0], parse(run([binary, c.names[0], "--help"]), f"{name} {c.names[0]}"))
                for c in top.entries("Commands")]
    return top, commands
