#!/usr/bin/env python3
"""Build step (packaging/CMakeLists.txt): the man pages and shell completions, made from the
built binaries' --help (helpdoc/), and the Debian changelog of each package. Everything is
written gzipped as Debian wants it (-9, no name or time stamp), except the completions."""
import argparse
import datetime
import gzip
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "helpdoc"))
import completion  # noqa: E402
import helptext  # noqa: E402
import manpage  # noqa: E402


def timestamp(source_dir):
    """SOURCE_DATE_EPOCH, else the commit's date, so that a rebuild makes the same bytes."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "-C", source_dir, "log", "-1", "--format=%ct"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
        return int(out.stdout)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return int(time.time())


def write(path, text, zipped=True):
    data = text.encode("utf-8")
    if zipped:
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0,
                                                     filename="") as z:
            z.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)


def changelog(package, version, maintainer, when, homepage):
    date = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
    return (f"{package} ({version}) unstable; urgency=medium\n\n"
            f"  * Package made by CPack from the CMake project; the project's changes are\n"
            f"    its git history ({homepage}).\n\n"
            f" -- {maintainer}  {date}\n")


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--cli", required=True)
    a.add_argument("--gui")
    a.add_argument("--version", required=True)
    a.add_argument("--samples", required=True, help="installed samples folder, for FILES")
    a.add_argument("--maintainer", required=True)
    a.add_argument("--homepage", required=True)
    a.add_argument("--source-dir", required=True)
    a.add_argument("--out", required=True)
    args = a.parse_args()
    os.makedirs(args.out, exist_ok=True)
    when = datetime.datetime.fromtimestamp(timestamp(args.source_dir), datetime.timezone.utc)
    day = when.strftime("%Y-%m-%d")
    out = lambda name: os.path.join(args.out, name)  # noqa: E731

    top, commands = helptext.read(args.cli)
    files = [(args.samples, "Sample Compose and Kubernetes files to try the commands on "
                            "(under the installation prefix: /usr for the Debian packages).")]
    write(out("deadbolt-cli.1.gz"),
          manpage.page("deadbolt-cli", top, commands, args.version, day, ["deadbolt"], files))
    write(out("deadbolt-cli.bash"), completion.bash("deadbolt-cli", top, commands), zipped=False)
    write(out("_deadbolt-cli"), completion.zsh("deadbolt-cli", top, commands), zipped=False)
    write(out("changelog-deadbolt-cli.gz"),
          changelog("deadbolt-cli", args.version, args.maintainer, when, args.homepage))
    if args.gui:
        gui, _ = helptext.read(args.gui)
        write(out("deadbolt.1.gz"),
              manpage.page("deadbolt", gui, [], args.version, day, ["deadbolt-cli"], files))
        write(out("changelog-deadbolt.gz"),
              changelog("deadbolt", args.version, args.maintainer, when, args.homepage))


if __name__ == "__main__":
    main()
