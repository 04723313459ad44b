#!/usr/bin/env bash
# Time to first window: the installed launcher against `java -jar target/rewind.jar`, alternating, on one demo
# catalog, under Xvfb. Prints each run's startup-ms and the medians. Needs the package installed and xvfb.
#   bash installer/bench-startup.sh [runs, default 3] [display, default :98]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
display="${2:-:98}"
command -v Xvfb >/dev/null || { echo "needs Xvfb: sudo apt-get install -y xvfb" >&2; exit 1; }
[ -x /opt/rewind/bin/rewind ] || { echo "install the .deb first (README, Install)" >&2; exit 1; }
[ -f target/rewind.jar ] || { echo "build target/rewind.jar first" >&2; exit 1; }

tmp="$(mktemp -d)"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb"; rm -rf "$tmp"' EXIT
sleep 1
export DISPLAY="$display"

probe() { "$@" --catalog "$tmp/c.db" --startup-probe 2>/dev/null | sed -n 's/^startup-ms //p'; }
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# the window asks before creating a catalog a --catalog names, so the demo is made first (the same one a first
# start makes); the warm-up then fills JavaFX's native-library cache and the page cache
java -jar target/rewind.jar --catalog "$tmp/c.db" demo >/dev/null
probe /opt/rewind/bin/rewind >/dev/null
probe java -jar target/rewind.jar >/dev/null
for ((i = 1; i <= runs; i++)); do
    installed="$(probe /opt/rewind/bin/rewind)"
    jar="$(probe java -jar target/rewind.jar)"
    echo "run $i: installed $installed ms, java -jar $jar ms"
    echo "$installed" >>"$tmp/installed"
    echo "$jar" >>"$tmp/jar"
done
echo "median startup-ms: installed $(median <"$tmp/installed"), java -jar $(median <"$tmp/jar")"
