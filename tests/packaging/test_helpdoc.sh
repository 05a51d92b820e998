#!/usr/bin/env bash
# test_helpdoc.sh BUILD : every option that `deadbolt-cli --help` and `deadbolt-cli COMMAND
# --help` print (and `deadbolt --help`) is in the man page, in that command's part of it,
# and in both completions, in that command's branch. The options are read here with sed,
# not with packaging/helpdoc's parser, so a parser that drops one fails this test. Then
# the bash completion is run as bash would run it, and the zsh one parsed by zsh.
set -euo pipefail
build=$1
export QT_QPA_PLATFORM=offscreen  # deadbolt --help starts a QApplication
gen=$build/packaging/generated
cli=$build/app/deadbolt-cli
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# The names of the options a help text lists: "  -f, --file <file>   text" -> -f --file.
options() { sed -nE 's/^  (-[^ ].*)$/\1/p' | sed -E 's/  .*//; s/ <[^>]*>//' | tr ',' '\n' | tr -d ' '; }
commands() { sed -n '/^Commands:$/,/^$/p' | sed -nE 's/^  ([a-z][a-z0-9-]*) .*/\1/p'; }
# The man page's source of one command (.SS name up to the next .SS or .SH), or all of it.
man_part() {
    if [ -n "$1" ]; then zcat "$2" | awk -v c=".SS $1" '$0 == c {on=1; next} /^\.S[SH] / {on=0} on'
    else zcat "$2"; fi
}
# bash: the command's options='...' line; zsh: the command's _arguments specs.
in_bash() { sed -n "/^        $1)\$/{n;p}" "$gen/deadbolt-cli.bash" | sed -E "s/.*options='//; s/'\$//" | tr ' ' '\n' | grep -qxF -- "$2"; }
in_zsh() { sed -n "/^        $1)\$/,/;;/p" "$gen/_deadbolt-cli" | grep -qE -- "[{,'*(]$2[+=[, }]"; }

check_page() { # command page options...
    local command=$1 page=$2; shift 2
    for o in "$@"; do
        roff=${o//-/\\-}
        man_part "$command" "$page" | grep -qF -- "\\fB$roff\\fR" || fail "$o of '${command:-top}' not in $(basename "$page")"
    done
}

top=$("$cli" --help)
mapfile -t cmds < <(commands <<<"$top")
[ ${#cmds[@]} -ge 3 ] || fail "fewer than 3 commands in --help: ${cmds[*]}"
mapfile -t opts < <(options <<<"$top")
check_page "" "$gen/deadbolt-cli.1.gz" "${opts[@]}"
for o in "${opts[@]}" "${cmds[@]}"; do grep -qE -- "compgen -W '([^']* )?$o( [^']*)?'" "$gen/deadbolt-cli.bash" || fail "$o not in bash's first word"; done
total=${#opts[@]}
for c in "${cmds[@]}"; do
    mapfile -t opts < <("$cli" "$c" --help | options)
    [ ${#opts[@]} -ge 2 ] || fail "$c --help lists fewer than 2 options"
    check_page "$c" "$gen/deadbolt-cli.1.gz" "${opts[@]}"
    for o in "${opts[@]}"; do
        in_bash "$c" "$o" || fail "$c $o not in the bash completion"
        in_zsh "$c" "$o" || fail "$c $o not in the zsh completion"
    done
    total=$((total + ${#opts[@]}))
done
if [ -x "$build/app/deadbolt" ]; then
    mapfile -t opts < <("$build/app/deadbolt" --help | options)
    check_page "" "$gen/deadbolt.1.gz" "${opts[@]}"
    total=$((total + ${#opts[@]}))
fi
echo "$total options of ${#cmds[@]} commands checked in the man pages and completions"

# The bash completion at work: the words bash would pass, the reply it would show.
complete_words() { # the words typed; the last one is being completed
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _deadbolt_cli; echo "${COMPREPLY[*]}"' \
        _ "$gen/deadbolt-cli.bash" "$@"
}
expect() { local want=$1; shift; local got; got=$(complete_words "$@"); [ "$got" = "$want" ] || fail "bash completion of '$*': '$got', not '$want'"; }
expect "check" deadbolt-cli ch
expect "text json sarif" deadbolt-cli check --format ""
expect "error warning" deadbolt-cli check --fail-on ""
expect "markdown" deadbolt-cli diff --format m
expect "" deadbolt-cli diff -f ./  # -f is --file now (a Compose file of the project), as for check
expect "--format" deadbolt-cli check --form
expect "json" deadbolt-cli check --format = j
expect "" deadbolt-cli check ./   # files: left to readline (complete -o default)

if command -v zsh >/dev/null; then
    zsh -n "$gen/_deadbolt-cli" || fail "zsh cannot parse _deadbolt-cli"
else
    echo "zsh is not installed: the zsh completion's syntax is not checked"
fi
[ $failures -eq 0 ] && echo ok
exit $((failures > 0))
