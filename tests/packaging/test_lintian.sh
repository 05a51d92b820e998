#!/usr/bin/env bash
# test_lintian.sh DEBS : lintian on the packages test_deb.sh built. Errors fail; the other
# tags (warnings, pedantic notes) are printed so that they can be fixed while they are few.
set -euo pipefail
command -v lintian >/dev/null || { echo "SKIP: lintian is not installed (scripts/deps installs it)"; exit 77; }
debs=("$1"/*.deb)
[ -f "${debs[0]}" ] || { echo "FAIL: no .deb in $1 (test_deb makes them)"; exit 1; }
lintian --version
# As root (CI) lintian says it is not recommended, and works.
status=0
lintian --fail-on error --display-info --pedantic "${debs[@]}" >"$1/lintian.log" 2>&1 || status=$?
grep -v 'root privileges is not recommended' "$1/lintian.log" || true
[ "$status" -eq 0 ] && echo "ok: no lintian errors" || echo "FAIL: lintian errors"
exit "$status"
