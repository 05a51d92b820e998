"""Writes bash and zsh completion for deadbolt-cli from helptext.Help: the commands, each
command's options, the values an option's description lists ("text, json or sarif"), git
revisions for a <rev>, folders for a <dir>, and files everywhere else."""
import re


def option_names(h):
    return [n for e in h.entries("Options") for n in e.names]


def bash_values(e):
    if e.choices():
        return "COMPREPLY=($(compgen -W '%s' -- \"$cur\"))" % " ".join(e.choices())
    if e.value.lower() == "rev":
        return "COMPREPLY=($(compgen -W \"$(git for-each-ref --format='%(refname:short)' 2>/dev/null) HEAD\" -- \"$cur\"))"
    if e.value.lower() == "dir":
        return "COMPREPLY=($(compgen -d -- \"$cur\"))"
    return "COMPREPLY=()"


def bash(program, top, commands):
    function = "_" + re.sub(r"\W", "_", program)
    out = [f"# bash completion for {program}; generated from its --help by packaging/helpdoc.",
           f"{function}()", "{",
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}",
           "    # --format=json: bash splits the word at '=' (COMP_WORDBREAKS).",
           "    if [[ $cur == = ]]; then cur=; fi",
           "    if [[ $prev == = && $COMP_CWORD -gt 2 ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi",
           "    if [[ $COMP_CWORD -eq 1 ]]; then",
           "        COMPREPLY=($(compgen -W '%s' -- \"$cur\"))" % " ".join(
               [c for c, _ in commands] + option_names(top)),
           "        return", "    fi",
           "    local options=",
           "    case ${COMP_WORDS[1]} in"]
    for command, h in commands:
        out += [f"        {command})", f"            options='{' '.join(option_names(h))}'",
                "            # An empty reply completes files (complete -o default).",
                "            case $prev in"]
        for e in h.entries("Options"):
            if e.value:
                out += [f"                {'|'.join(e.names)}) {bash_values(e)}; return ;;"]
        out += ["            esac ;;"]
    out += ["    esac",
            "    if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$options\" -- \"$cur\")); fi",
            "}",
            f"complete -o default -F {function} {program}"]
    return "\n".join(out) + "\n"


def zsh_quote(text):
    """The first sentence, inside a single-quoted _arguments spec: [ ] : \\ escaped."""
    text = re.split(r"(?<=[.;]) (?=[A-Z])", text)[0].rstrip(".;")  # not at "e.g. web:/tmp"
    return re.sub(r"([\[\]:\\])", r"\\\1", text).replace("'", "'\\''")


def zsh_action(e):
    if e.choices():
        return "(" + " ".join(e.choices()) + ")"
    if e.value.lower() == "rev":
        return '{compadd - HEAD $(git for-each-ref --format="%(refname:short)" 2>/dev/null)}'
    if e.value.lower() == "dir":
        return "_files -/"
    return "_files" if e.value.lower() in ("file", "path") else " "


def zsh_spec(e):
    described = "[" + zsh_quote(e.text) + "]"
    tail = (":" + zsh_quote(e.value) + ":" + zsh_action(e)) if e.value else ""
    forms = [n + (("+" if n[1] != "-" else "=") if e.value else "") for n in e.names]
    if e.repeatable():
        return [f"'*{f}{described}{tail}'" for f in forms]
    if len(forms) == 1:
        return [f"'{forms[0]}{described}{tail}'"]
    return ["'(" + " ".join(e.names) + ")'{" + ",".join(forms) + "}'" + described + tail + "'"]


def zsh(program, top, commands):
    function = "_" + program
    out = [f"#compdef {program}", f"# zsh completion for {program}; generated from its --help by packaging/helpdoc.",
           f"{function}() {{", "    local -a commands", "    commands=("]
    out += [f"        '{c}:{zsh_quote(t)}'" for c, t in
            ((e.names[0], e.text) for e in top.entries("Commands"))]
    out += ["    )", "    if (( CURRENT == 2 )); then",
            "        if [[ $PREFIX == -* ]]; then",
            "            _arguments " + " ".join(s for e in top.entries("Options") for s in zsh_spec(e)),
            "        else",
            "            _describe -t commands 'command' commands",
            "        fi",
            "        return", "    fi",
            "    local command=$words[2]", "    shift words", "    (( CURRENT-- ))",
            "    case $command in"]
    for command, h in commands:
        specs = [s for e in h.entries("Options") for s in zsh_spec(e)]
        specs += ["'*:" + zsh_quote(a.names[0]) + ":_files'" for a in h.entries("Arguments")[:1]]
        out += [f"        {command})", "            _arguments -s \\"]
        out += ["                " + s + " \\" for s in specs[:-1]] + ["                " + specs[-1], "            ;;"]
    out += ["    esac", "}", f'{function} "$@"']
    return "\n".join(out) + "\n"
