#!/usr/bin/env bash
# test_deb.sh BUILD OUT : builds the Debian packages from the built tree into OUT, unpacks
# them into a scratch root (dpkg -x) and runs what they installed: --version, check on an
# installed sample, man -l on the pages, the completions, the GitLab report filter. As root
# with DEADBOLT_DPKG_INSTALL=1 (.ci/run sets it) it also installs them with dpkg -i, runs
# them from PATH and removes them again.
set -euo pipefail
build=$1 out=$2
for tool in cpack dpkg-deb dpkg-shlibdeps man; do
    command -v $tool >/dev/null || { echo "SKIP: $tool is not installed (scripts/deps installs it)"; exit 77; }
done
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$out" && mkdir -p "$out"
start=$(date +%s%N)
cpack --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; fail "cpack"; }
debs=("$out"/*.deb)
[ ${#debs[@]} -ge 1 ] || fail "cpack wrote no .deb"
echo "built in $((($(date +%s%N) - start) / 1000000)) ms:"; ls -l "${debs[@]}" | awk '{print "  " $5 " bytes  " $9}'

root="$out/root"
for deb in "${debs[@]}"; do dpkg-deb -x "$deb" "$root"; done
cli="$root/usr/bin/deadbolt-cli"
[ -x "$cli" ] || fail "no usr/bin/deadbolt-cli in the packages"
# The installed binary is the built one, stripped: same version line (and commit).
[ "$("$cli" --version)" = "$("$build/app/deadbolt-cli" --version)" ] || fail "installed --version: $("$cli" --version)"
file "$cli" | grep -q 'not stripped' && fail "deadbolt-cli is not stripped"
samples="$root/usr/share/deadbolt/samples"
"$cli" check "$samples/wordpress-compose2.yml" >/dev/null || fail "check on the installed immutable sample"
set +e; "$cli" check --format sarif "$samples/nginx-postgres.yml" >"$out/sarif.json"; status=$?; set -e
[ $status -eq 1 ] || fail "check on the mutable sample exited $status, not 1"
grep -q '"ruleId": "DB001"' "$out/sarif.json" || fail "no DB001 in the SARIF"

pages=("$root"/usr/share/man/man1/*.1.gz)
[ ${#pages[@]} -ge 1 ] || fail "no man page"
for page in "${pages[@]}"; do
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >"$out/page.txt")
    [ -z "$warnings" ] || fail "man -l $(basename "$page"): $warnings"
    grep -q '^SYNOPSIS' "$out/page.txt" || fail "$(basename "$page") has no SYNOPSIS"
done
[ -f "$root/usr/share/bash-completion/completions/deadbolt-cli" ] || fail "no bash completion"
[ -f "$root/usr/share/zsh/vendor-completions/_deadbolt-cli" ] || fail "no zsh completion"
for pkg in "$root"/usr/share/doc/*/; do
    [ -f "$pkg/copyright" ] && [ -f "$pkg/changelog.gz" ] || fail "$pkg lacks copyright or changelog.gz"
done
# AppStream lists releases by hand (they are history); the newest must be project(VERSION).
metainfo="$root/usr/share/metainfo/io.github.deadbolt.Deadbolt.metainfo.xml"
version=$(dpkg-deb -f "${debs[0]}" Version)
if [ -f "$metainfo" ] && ! grep -q "<release version=\"$version\"" "$metainfo"; then
    fail "the metainfo has no <release version=\"$version\">: add one with project(VERSION)"
fi
if command -v jq >/dev/null; then
    "$cli" check --format json "$samples" | jq -e -f "$root/usr/share/deadbolt/codequality.jq" >"$out/codequality.json" ||
        [ $? -eq 1 ] || fail "codequality.jq"
    jq -e 'map(select(.check_name == "DB001" and .location.lines.begin > 0)) | length > 0' \
        "$out/codequality.json" >/dev/null || fail "no DB001 issue in the Code Quality report"
else
    echo "jq is not installed: the Code Quality filter is not run"
fi

if [ "${DEADBOLT_DPKG_INSTALL:-}" = 1 ] && [ "$(id -u)" -eq 0 ]; then
    trap 'dpkg -r deadbolt deadbolt-cli >/dev/null 2>&1 || true' EXIT
    dpkg -i "${debs[@]}" >"$out/dpkg.log" 2>&1 || { cat "$out/dpkg.log"; fail "dpkg -i"; }
    [ "$(command -v deadbolt-cli)" = /usr/bin/deadbolt-cli ] || fail "deadbolt-cli is not /usr/bin/deadbolt-cli"
    deadbolt-cli --version
    deadbolt-cli check /usr/share/deadbolt/samples/wordpress-k8s.yaml >/dev/null || fail "installed check"
    man -w deadbolt-cli >/dev/null || fail "man cannot find deadbolt-cli"
    dpkg -r deadbolt deadbolt-cli >/dev/null || fail "dpkg -r"
    trap - EXIT
    echo "dpkg -i, run from PATH, dpkg -r: ok"
else
    echo "dpkg -i not tried: it needs root and DEADBOLT_DPKG_INSTALL=1 (.ci/run sets both)"
fi
echo "ok"
