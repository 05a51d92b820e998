# GitLab's Code Quality report (a CodeClimate issue list) from `deadbolt-cli check --format json`:
#   deadbolt-cli check --format json . | jq -f codequality.jq > gl-code-quality-report.json
# One issue per finding, per file note and per file that could not be read. GitLab matches
# issues across pipelines by fingerprint, so it is made of what the issue says and where,
# not of its position in the report.
def severity: {"error": "major", "warning": "minor", "info": "info", "note": "info"}[.] // "info";
def path: ltrimstr("./");
def issue($file; $what; $rule; $severity; $line):
    {type: "issue", check_name: $rule, description: $what, severity: $severity,
     location: {path: ($file | path), lines: {begin: ([$line, 1] | max)}},
     fingerprint: ([$rule, ($file | path), ($line | tostring), $what] | join("|") | @base64)};
[.files[] as $f
 | (($f.workloads // [])[] as $w | $w.findings[]
        | issue($f.path; "\($w.name): \(.message)"; .rule; (.severity | severity); .line)),
   (($f.notes // [])[] | issue($f.path; .message; .rule; (.severity | severity); .line)),
   (($f.errors // [])[] | issue(.file; .message; "deadbolt-\(.rule)"; "blocker"; .line))]
