#!/usr/bin/env bash
# Makes Rewind's class-data-sharing archive: a training run of the window that exits after its first paint
# (--startup-probe) with -XX:ArchiveClassesAtExit, so later starts map the classes it loaded instead of loading them.
# A java that has ahead-of-time caches (JDK 25+, JEP 483/514) writes one instead (-XX:AOTCacheOutput): the same
# file name and the same run command (-XX:SharedArchiveFile maps it), and its classes come linked too, lambdas
# included (start-up time: README, Benchmarks).
#   bash installer/cds-archive.sh JAVA JAR ARCHIVE [JAVA-OPTION...]
# An ARCHIVE named *.classlist gets the same run's list of loaded classes instead (-XX:DumpLoadedClassList):
# installer/build.sh ships one in the package, whose postinst makes the installed launcher's archive from it
# (java -Xshare:dump, no display needed: installer/README.md).
# mvn package runs it for target/rewind.jsa (the README's run command). The archive only works with the same java
# and the same jar (path, size and time) that made it; anything else makes -Xshare:auto ignore it. It needs a
# display: $DISPLAY, else Xvfb when installed; without either it makes nothing, says so, and succeeds (a missing
# archive is harmless).
set -uo pipefail
java="$1" jar="$2" archive="$3"
shift 3
rm -f "$archive"
work="$(mktemp -d)"
xvfb=""
cleanup() {
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
    if ! command -v Xvfb >/dev/null; then
        echo "cds-archive: no display and no Xvfb (apt-get install xvfb): no class-data archive made; Rewind runs without it"
        exit 0
    fi
    for n in $(seq 90 120); do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break
    done
    Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    export DISPLAY=":$n"
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
fi

if [[ "$archive" == *.classlist ]]; then
    record="-XX:DumpLoadedClassList=$archive"
elif "$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
    record="-XX:AOTCacheOutput=$archive"
else
    record="-XX:ArchiveClassesAtExit=$archive"
fi

# the demo catalog: the window's first paint on believable data, written without touching ~/.rewind
if ! "$java" "$@" -Duser.home="$work" -jar "$jar" demo --catalog "$work/demo.db" >"$work/log" 2>&1 \
    || ! timeout 300 "$java" "$@" -Duser.home="$work" "$record" -jar "$jar" --catalog "$work/demo.db" \
        --startup-probe >>"$work/log" 2>&1 \
    || [ ! -s "$archive" ]; then
    echo "cds-archive: the training run failed, no class-data archive made; Rewind runs without it:"
    tail -n 5 "$work/log"
    rm -f "$archive"
    exit 0
fi
if [[ "$archive" == *.classlist ]]; then
    echo "cds-archive: $archive ($(grep -cv '^#' "$archive") classes and lambda lines)"
else
    echo "cds-archive: $archive ($(( $(stat -c %s "$archive") / 1048576 )) MiB)"
fi
