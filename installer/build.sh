#!/usr/bin/env bash
# Builds Rewind's Linux installer under target/installer/: a jlink'ed runtime, an app image and a .deb.
#   bash installer/build.sh                 from a clean checkout (Maven fetches what it needs)
#   MVN_ARGS=-o bash installer/build.sh     with Maven offline
#   REWIND_DEB_MAINTAINER=you@host bash installer/build.sh
# installer/README.md describes the pieces; the package's scripts and templates are in installer/resources/.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/installer
vendor="The Rewind authors"
copyright="Copyright (c) 2026 The Rewind authors"
synopsis="Desktop model-registry browser: history, compare, safe rollback"
maintainer="${REWIND_DEB_MAINTAINER:-rewind@example.org}"
icon_sizes="16 24 32 48 64 128 256 512"
started=$SECONDS

say() { printf '==> %s\n' "$*"; }
die() { printf 'installer/build.sh: %s\n' "$*" >&2; exit 1; }

# --- the tools: say which are missing and how to get them, all at once -------------------------------------
# JAVA_HOME if it can link (jpackage and jmods), else the JDK of the java on the PATH
jdk="${JAVA_HOME:-}"
if [ -z "$jdk" ] || [ ! -x "$jdk/bin/jpackage" ] || [ ! -f "$jdk/jmods/java.base.jmod" ]; then
    jdk=""
    for tool in jpackage java; do
        if command -v "$tool" >/dev/null; then
            jdk="$(dirname "$(dirname "$(readlink -f "$(command -v "$tool")")")")"
            [ -x "$jdk/bin/jpackage" ] && break
        fi
    done
fi
missing=() packages=()
need() { # command, Debian package
    command -v "$1" >/dev/null || { missing+=("$1"); packages+=("$2"); }
}
need mvn maven
need dpkg-deb dpkg
need fakeroot fakeroot
need zip zip
need strip binutils
# the training run that lists the classes the window loads before its first paint (the installed launcher's
# class-data archive is made from that list) shows the window: on $DISPLAY, else on an Xvfb of its own
[ -n "${DISPLAY:-}" ] || need Xvfb xvfb
# (grep without -q: under pipefail, a grep that quits at the first match can fail ldconfig with SIGPIPE)
if ! { ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null | grep 'libgtk-3\.so\.0' >/dev/null; then
    missing+=("libgtk-3.so.0 (JavaFX's window)")
    packages+=(libgtk-3-0)
fi
for tool in jlink jpackage jdeps jar; do
    [ -x "$jdk/bin/$tool" ] || { missing+=("$tool (JDK 17+)"); packages+=(openjdk-17-jdk-headless); }
done
if [ -x "$jdk/bin/jlink" ] && [ ! -f "$jdk/jmods/java.base.jmod" ]; then
    # Debian ships the jmods in openjdk-17-jdk-headless, Ubuntu in openjdk-17-jmods
    missing+=("jmods in $jdk/jmods (a JDK with them: set JAVA_HOME, or on Ubuntu install openjdk-17-jmods)")
    packages+=(openjdk-17-jdk-headless)
fi
if [ ${#missing[@]} -gt 0 ]; then
    printf 'installer/build.sh: missing: %s\n' "${missing[@]}" >&2
    printf 'install them with: sudo apt-get install -y %s\n' "$(printf '%s\n' "${packages[@]}" | sort -u | tr '\n' ' ')" >&2
    exit 1
fi
export PATH="$jdk/bin:$PATH"

# --- version: jpackage wants numbers only, so a -SNAPSHOT is packaged as its release number -------------------
pom_version="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)"
version="${pom_version%-SNAPSHOT}"
[[ "$version" =~ ^[0-9]+(\.[0-9]+){0,3}$ ]] || die "jpackage needs a numeric version; pom.xml has '$pom_version'"
[ "$version" = "$pom_version" ] || say "packaging $pom_version as $version"

# --- the jar, slimmed: sqlite-jdbc's native libraries for other systems are dead weight in a .deb -------------
say "building target/rewind.jar"
# shellcheck disable=SC2086 # MVN_ARGS is a list of flags
# -Pman: the man pages as troff, in target/help/; no target/rewind.jsa: its class paths are the build tree's
mvn -q -B ${MVN_ARGS:-} -Dmaven.test.skip=true -Drewind.skipCds=true -Pman package
rm -rf "$out"
mkdir -p "$out/input"
cp target/rewind.jar "$out/input/rewind.jar"
arch="$(uname -m)"  # sqlite-jdbc names its folders after it: x86_64, aarch64
jar tf "$out/input/rewind.jar" | grep -q "^org/sqlite/native/Linux/$arch/libsqlitejdbc.so$" \
    || die "the jar has no sqlite native library for Linux/$arch"
jar tf "$out/input/rewind.jar" | grep '^org/sqlite/native/.' \
    | grep -v -e "^org/sqlite/native/Linux/$" -e "^org/sqlite/native/Linux/$arch/" \
    | zip -q -d "$out/input/rewind.jar" -@
# AtlantaFX ships eight themes as CSS and BSS; the window uses Primer (light and dark) only
jar tf "$out/input/rewind.jar" | grep -E '^atlantafx/base/theme/[^/]+\.(css|bss)$' | grep -v '/primer-' \
    | zip -q -d "$out/input/rewind.jar" -@

# --- the runtime: the modules jdeps finds plus installer/modules ---------------------------------------------
found="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$out/input/rewind.jar")"
modules="$( { tr ',' '\n' <<<"$found"; grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' installer/modules; } \
    | sort -u | paste -sd, -)"
say "linking a runtime with $modules"
# no JDK class-data archive (--generate-cds-archive): the launcher maps the one the postinst makes, JDK classes
# included, and a JVM maps one archive, so the JDK's would be 11 MiB never read
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$out/runtime" >/dev/null
# the native libraries' symbol tables (jlink's --strip-native-debug-symbols drops only debug sections, which the
# distribution's JDK has already split off): 4 MiB in libjvm.so, which keeps the symbols it exports
find "$out/runtime/lib" -name '*.so' -exec strip --strip-unneeded {} +

# --- the app image: launcher bin/rewind (the window without arguments, the CLI with them) --------------------
say "creating the app image"
# the class-data archive of the classes the window loads before its first paint, JDK classes included: the
# postinst makes it from the class list shipped in lib/ (java -Xshare:dump: 37-42 MiB, a few seconds, no display)
# under /var/cache (a cache the package can remake, like Python's byte code: not in the package's 80 MiB), as
# JDK 17 maps it only for the jar path it was made with, /opt/rewind/lib/app/rewind.jar. Without it the launcher
# starts without class-data sharing, two thirds slower (installer/README.md).
archive=/var/cache/rewind/classes.jsa
# the quick compiler only, as the README's run command: start-up is code that runs a few times, and leaving out the
# optimizing compiler's work cut the time to the first paint by a quarter on 2 busy cores (README, Benchmarks); a
# 10 s CLI read (versions --json of 100,000 versions) used less CPU with it too (8.6 s against 10.6 s). A young
# generation of at least 256 MiB: opening a 100,000-version model copied its versions through a dozen small young
# collections (20-35 ms pauses each); with it, model-ms 313 -> 202 ms (README, Benchmarks)
jpackage --type app-image --dest "$out/image" --name rewind --app-version "$version" \
    --vendor "$vendor" --copyright "$copyright" --description "$synopsis" \
    --input "$out/input" --main-jar rewind.jar --main-class dev.rewind.Main \
    --java-options -XX:TieredStopAtLevel=1 --java-options -XX:NewSize=256m \
    --java-options "-XX:SharedArchiveFile=$archive" \
    --runtime-image "$out/runtime" --icon assets/icons/rewind-256.png
image="$out/image/rewind"
say "listing the classes of the first paint (a training run of the image's own java and jar)"
bash installer/cds-archive.sh "$image/lib/runtime/bin/java" "$image/lib/app/rewind.jar" "$image/lib/rewind.classlist" \
    -XX:TieredStopAtLevel=1 -XX:NewSize=256m
[ -s "$image/lib/rewind.classlist" ] || die "no class list: the training run failed (above)"

# the menu entry and icons, linked into /usr/share by the package's postinst (under lib/: the .deb
# bundler copies lib/ whole but keeps only doc/ of share/)
install -D -m 644 installer/rewind.desktop "$image/lib/desktop/rewind.desktop"
for size in $icon_sizes; do
    install -D -m 644 "assets/icons/rewind-$size.png" "$image/lib/desktop/icons/${size}x${size}/rewind.png"
done

# the bash completion and the man pages (written by the build from the command tree), linked by the postinst
install -D -m 644 target/help/completion/rewind "$image/lib/completion/rewind"
mkdir -p "$image/lib/man/man1"
for page in target/help/man1/*.1; do
    gzip -9n <"$page" >"$image/lib/man/man1/$(basename "$page").gz"
done
[ -f "$image/lib/man/man1/rewind.1.gz" ] || die "no man page rewind.1 in target/help/man1"

# --- the .deb: installs to /opt/rewind; installer/resources/ overrides control, postinst and prerm -----------
say "packaging the .deb"
jpackage --type deb --dest "$out" --app-image "$image" --name rewind --app-version "$version" \
    --vendor "$vendor" --copyright "$copyright" --description "$synopsis" --license-file LICENSE \
    --resource-dir installer/resources --linux-package-name rewind --linux-app-category devel \
    --linux-deb-maintainer "$maintainer" --linux-package-deps libgtk-3-0

deb="$(ls "$out"/rewind_"$version"-*.deb)"
say "built $deb in $((SECONDS - started)) s"
printf '    .deb %s KiB, installed %s KiB, app image %s\n' "$(( $(stat -c %s "$deb") / 1024 ))" \
    "$(dpkg-deb -f "$deb" Installed-Size)" "$(du -sh "$image" | cut -f1)"
