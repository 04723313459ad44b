#!/usr/bin/env bash
# Time to first window: the installed launcher (with its class-data archive, and with -Xshare:off: no archive at
# all) against the README's run command (target/rewind.jsa) and plain `java -jar`, alternating, under Xvfb, on the
# demo catalog or on CATALOG (the huge demo, say; opened as it is). Prints each run's startup-ms and the medians.
# Needs the package installed, xvfb, and `mvn package` run (target/rewind.jar and target/rewind.jsa).
#   bash installer/bench-startup.sh [runs, default 3] [display, default :98] [CATALOG]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
display="${2:-:98}"
catalog="${3:-}"
command -v Xvfb >/dev/null || { echo "needs Xvfb: sudo apt-get install -y xvfb" >&2; exit 1; }
[ -x /opt/rewind/bin/rewind ] || { echo "install the .deb first (README, Install)" >&2; exit 1; }
[ -f target/rewind.jar ] || { echo "build target/rewind.jar first" >&2; exit 1; }
[ -f target/rewind.jsa ] || echo "no target/rewind.jsa (mvn package makes it under a display): the run command runs without it" >&2

tmp="$(mktemp -d)"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb"; rm -rf "$tmp"' EXIT
sleep 1
export DISPLAY="$display"

if [ -z "$catalog" ]; then
    # the window asks before creating a catalog a --catalog names, so the demo is made first (the same one a
    # first start makes)
    catalog="$tmp/c.db"
    java -jar target/rewind.jar --catalog "$catalog" demo >/dev/null
fi
probe() { "$@" --catalog "$catalog" --startup-probe 2>/dev/null | sed -n 's/^startup-ms //p'; }
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
installed() { probe /opt/rewind/bin/rewind; }
unshared() { JAVA_TOOL_OPTIONS=-Xshare:off probe /opt/rewind/bin/rewind; }
command() { probe java -XX:SharedArchiveFile=target/rewind.jsa -Xshare:auto -XX:TieredStopAtLevel=1 -XX:NewSize=256m -jar target/rewind.jar; }
plain() { probe java -jar target/rewind.jar; }

# the warm-up fills JavaFX's native-library cache and the page cache
for way in installed unshared command plain; do "$way" >/dev/null; done
for ((i = 1; i <= runs; i++)); do
    line="run $i:"
    for way in installed unshared command plain; do
        ms="$("$way")"
        echo "$ms" >>"$tmp/$way"
        line="$line $way $ms ms,"
    done
    echo "${line%,}"
done
echo "median startup-ms: installed $(median <"$tmp/installed") (-Xshare:off $(median <"$tmp/unshared")), the run" \
    "command $(median <"$tmp/command"), java -jar $(median <"$tmp/plain")"
