#!/usr/bin/env bash
# test_precommit.sh SOURCE BUILD : the hooks of .pre-commit-hooks.yaml run by
# `pre-commit try-repo` in a scratch repository, on staged files as a user's commit runs
# them, with the built deadbolt-cli first on PATH. The hooks come from a scratch copy of
# SOURCE's .pre-commit-hooks.yaml, committed, since try-repo leaves out untracked files.
set -euo pipefail
source_dir=$1 build=$2
command -v pre-commit >/dev/null || { echo "SKIP: pre-commit is not installed (Debian pre-commit; scripts/deps installs it)"; exit 77; }
command -v git >/dev/null || { echo "SKIP: git is not installed"; exit 77; }
pre-commit --version
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$build/app:$PATH" PRE_COMMIT_HOME="$work/cache"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@localhost GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@localhost
git init -q "$work/hooks" && cp "$source_dir/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" add .pre-commit-hooks.yaml && git -C "$work/hooks" commit -qm hooks
git init -q "$work/repo" && cd "$work/repo"
failures=0
# hook expected-status description
run() {
    local status=0
    pre-commit try-repo "$work/hooks" "$1" >"$work/out" 2>&1 || status=$?
    # The hook's own line ("deadbolt check (...)....Failed"), not pre-commit failing to start.
    if [ "$status" -ne "$2" ] || ! grep -qE '^deadbolt (check|diff) .*(Passed|Failed)$' "$work/out"; then
        echo "FAIL: $1 $3: exit $status, not $2"; cat "$work/out"; failures=$((failures + 1))
    else
        echo "ok: $1 $3 (exit $status)"
    fi
}
immutable() { printf 'services:\n  web:\n    image: nginx\n    read_only: true\n    tmpfs:\n      - /tmp\n'; }
mutable() { printf 'services:\n  web:\n    image: nginx\n'; }

mutable >compose.yaml && git add compose.yaml
run deadbolt-check 1 "on a staged mutable service"
immutable >compose.yaml && git add compose.yaml
run deadbolt-check 0 "on a staged immutable service"
git commit -qm immutable --no-verify
echo '# a comment' >>compose.yaml && git add compose.yaml
run deadbolt-diff 0 "on a change that keeps it immutable"
mutable >compose.yaml && git add compose.yaml
run deadbolt-diff 1 "on a change that makes it mutable"
# Only what is staged counts: a regression left unstaged does not fail the commit.
(immutable && echo '# staged') >compose.yaml && git add compose.yaml && mutable >compose.yaml
run deadbolt-diff 0 "with the regression unstaged"
exit $((failures > 0))
