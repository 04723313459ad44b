#!/usr/bin/env bash
# Installs the .deb that build.sh made, runs the installed `rewind` CLI against a temporary catalog, and removes
# the package again. Needs root (CI runs it as root) and no display.
#   sudo bash installer/smoke-test.sh [path/to/rewind_*.deb]
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { printf 'installer smoke test FAILED: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (dpkg -i)"
deb="${1:-$(find target/installer -maxdepth 1 -name 'rewind_*.deb' 2>/dev/null | head -n 1)}"
[ -f "$deb" ] || fail "no .deb; run bash installer/build.sh first"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if dpkg -s rewind >/dev/null 2>&1; then
    echo "removing the rewind package installed before"
    dpkg --purge rewind >/dev/null
fi
echo "installing $deb"
dpkg -i "$deb" >/dev/null

[ "$(command -v rewind)" = /usr/bin/rewind ] || fail "rewind is not /usr/bin/rewind on the PATH"
[ -f /usr/share/applications/rewind.desktop ] || fail "no menu entry in /usr/share/applications"
[ -f /usr/share/icons/hicolor/48x48/apps/rewind.png ] || fail "no icon in the hicolor theme"
grep -q '"${COMP_WORDS\[0\]} target add"' /usr/share/bash-completion/completions/rewind \
    || fail "no bash completion for rewind (with target add) in /usr/share/bash-completion/completions"
for page in rewind rewind-deploy rewind-target-add; do
    gzip -dc "/usr/share/man/man1/$page.1.gz" | grep -q '^\.SH "SYNOPSIS"' \
        || fail "no man page $page(1) in /usr/share/man/man1"
done

# the launcher's class-data archive, made by the postinst: -Xshare:on makes the JVM refuse to start without it,
# and Rewind's own first class comes from it
[ -f /var/cache/rewind/classes.jsa ] || fail "the postinst made no /var/cache/rewind/classes.jsa"
archive_kib=$(( $(stat -c %s /var/cache/rewind/classes.jsa) / 1024 ))
JAVA_TOOL_OPTIONS=-Xshare:on rewind --version >/dev/null 2>"$tmp/xshare" \
    || fail "the launcher cannot map its class-data archive: $(tail -n 3 "$tmp/xshare")"
JAVA_TOOL_OPTIONS=-Xlog:class+load=info rewind --version 2>/dev/null | grep -q '^\[.*dev\.rewind\.Main source: shared' \
    || fail "dev.rewind.Main was not loaded from the class-data archive"

expected="rewind $(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)"
[ "$(rewind --version)" = "$expected" ] || fail "rewind --version printed '$(rewind --version)', not '$expected'"

catalog="$tmp/c.db"
echo "weights" >"$tmp/model.bin"
rewind --catalog "$catalog" init
rewind --catalog "$catalog" register smoke-model 1.2.3 --artifact "$tmp/model.bin" --metric auc=0.91
json="$(rewind --catalog "$catalog" versions smoke-model --json)"
grep -Eq '"version" *: *"1\.2\.3"' <<<"$json" || fail "versions --json lacks 1.2.3: $json"
grep -Eq '"auc" *: *0\.91' <<<"$json" || fail "versions --json lacks auc=0.91: $json"

dpkg -r rewind >/dev/null
[ ! -e /usr/bin/rewind ] || fail "/usr/bin/rewind is still there after dpkg -r"
[ ! -e /usr/share/applications/rewind.desktop ] || fail "the menu entry is still there after dpkg -r"
[ ! -e /usr/share/bash-completion/completions/rewind ] || fail "the bash completion is still there after dpkg -r"
[ ! -e /usr/share/man/man1/rewind.1.gz ] || fail "the man page is still there after dpkg -r"
[ ! -d /opt/rewind/lib ] || fail "/opt/rewind/lib is still there after dpkg -r"
[ ! -e /var/cache/rewind ] || fail "/var/cache/rewind (the class-data archive) is still there after dpkg -r"
dpkg --purge rewind >/dev/null  # dpkg -r keeps the package's record (config-files); leave none
echo "installer smoke test passed: installed (with completion, man pages and the class-data archive, $archive_kib KiB), rewind --version, init, register, versions --json, removed"
