#!/bin/sh
# Builds berth (unless target/berth.jar is newer than every source file) and installs it into a prefix.
set -eu

usage() {
    cat <<'USAGE'
Usage: ./install.sh [--prefix DIR] [--build]

Installs berth into DIR (default: ~/.local):
  DIR/bin/berth                                        the launcher
  DIR/share/berth/berth.jar                            the program (and berth.jsa, its class-data archive)
  DIR/share/man/man1/berth*.1                          man pages
  DIR/share/bash-completion/completions/berth          bash completion
  DIR/share/zsh/site-functions/_berth                  zsh completion
  DIR/share/fish/vendor_completions.d/berth.fish       fish completion

Options:
  --prefix DIR   where to install (default: ~/.local)
  --build        build even when target/berth.jar is up to date
  -h, --help     show this help

Needs Java 17 or newer, and Maven when it must build.
Exit status: 0 installed, 1 a prerequisite is missing or the build failed, 2 bad arguments.
USAGE
}

fail() {
    echo "install.sh: $*" >&2
    exit 1
}

bad_usage() {
    echo "install.sh: $*" >&2
    echo "Run ./install.sh --help for usage." >&2
    exit 2
}

prefix="${HOME:?HOME is not set}/.local"
force_build=no
while [ $# -gt 0 ]; do
    case $1 in
        -h | --help) usage; exit 0 ;;
        --prefix)
            [ $# -ge 2 ] && [ -n "$2" ] || bad_usage "--prefix needs a directory"
            prefix=$2; shift 2 ;;
        --prefix=*)
            prefix=${1#--prefix=}
            [ -n "$prefix" ] || bad_usage "--prefix needs a directory"
            shift ;;
        --build) force_build=yes; shift ;;
        *) bad_usage "unknown argument: $1" ;;
    esac
done

case $prefix in
    *"'"* | *'
'*) bad_usage "--prefix must not contain quotes or newlines: $prefix" ;;
esac

cd "$(dirname "$0")"
source_dir=$(pwd)
case $prefix in
    /*) ;;
    *) prefix="$source_dir/$prefix" ;;
esac

# Java 17 or newer, from JAVA_HOME or PATH.
jre_fix='sudo apt-get install openjdk-17-jre-headless'
if [ -n "${JAVA_HOME:-}" ]; then
    java="$JAVA_HOME/bin/java"
    [ -x "$java" ] || fail "JAVA_HOME is $JAVA_HOME, but $java is missing: point JAVA_HOME at Java 17 or newer, or unset it"
else
    java=$(command -v java) || fail "Java 17 or newer is missing (no java on PATH, JAVA_HOME unset); install it with: $jre_fix"
fi
java_version=$("$java" -version 2>&1 | sed -n '1s/^[^"]*"\([^"]*\)".*/\1/p')
java_major=${java_version%%.*}
[ "$java_major" = 1 ] && { java_major=${java_version#1.}; java_major=${java_major%%.*}; }
case $java_major in
    '' | *[!0-9]*) fail "cannot tell the version of $java; berth needs Java 17 or newer: $jre_fix" ;;
esac
[ "$java_major" -ge 17 ] || fail "$java is Java $java_version, but berth needs 17 or newer; install it with: $jre_fix"

# Build unless the jar is newer than every source file.
jar="$source_dir/target/berth.jar"
stale=$force_build
if [ ! -f "$jar" ]; then
    stale=yes
elif [ -n "$(find pom.xml src -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
    stale=yes
fi
if [ "$stale" = yes ]; then
    command -v mvn >/dev/null 2>&1 \
        || fail "Maven is missing and berth must be built; install it with: sudo apt-get install maven"
    [ -x "$(dirname "$java")/javac" ] \
        || fail "$java is a runtime without a compiler (javac), and berth must be built; install a JDK with: sudo apt-get install openjdk-17-jdk-headless"
    echo "Building berth with Maven..."
    mvn -q -B -DskipTests package || fail "the build failed (see the Maven output above)"
fi

# Install.
share="$prefix/share/berth"
mkdir -p "$prefix/bin" "$share" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d" \
    || fail "cannot create directories under $prefix"
cp "$jar" "$share/berth.jar.new" && mv -f "$share/berth.jar.new" "$share/berth.jar"
for page in man/*.1; do
    cp "$page" "$prefix/share/man/man1/"
done
cp completions/berth.bash "$prefix/share/bash-completion/completions/berth"
cp completions/_berth "$prefix/share/zsh/site-functions/_berth"
cp completions/berth.fish "$prefix/share/fish/vendor_completions.d/berth.fish"

# A class-data archive of the classes berth loads halves its start time. It is made from the classes one training
# run of the read verbs (get nodes, get pods, ...) loads against SSH servers on loopback ports that berth starts
# for it (dev.berth.cli.ArchiveTraining), so that the SSH, cryptography, parsing and planning classes are in it, not
# only the command line's, and from those the Java runtime archives by default. It is a static archive
# (-Xshare:dump of that class list): unlike one recorded at exit, it can hold picocli's and slf4j's classes, which
# are compiled for Java 5, and the method handle forms the run generated (docs/adr/0016-class-data-archive.md).
archive="$share/berth.jsa"
rm -f "$archive"
training_home=$(mktemp -d)
classlist="$training_home/berth.classlist"
java_home=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p')
if "$java" -XX:DumpLoadedClassList="$training_home/trained.classlist" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Xshare:auto -Xlog:disable -Duser.home="$training_home" -cp "$share/berth.jar" dev.berth.cli.ArchiveTraining \
    "$training_home/cluster" >/dev/null 2>&1; then
    { [ -r "$java_home/lib/classlist" ] && cat "$java_home/lib/classlist"; cat "$training_home/trained.classlist"; } \
        > "$classlist"
    "$java" -Xshare:dump -XX:SharedClassListFile="$classlist" -XX:SharedArchiveFile="$archive" -XX:+UseSerialGC \
        -Xlog:disable -cp "$share/berth.jar" >/dev/null 2>&1 || rm -f "$archive"
fi
rm -rf "$training_home"

escape_for_sed() {
    printf '%s\n' "$1" | sed 's/[\\&|]/\\&/g'
}
sed -e "s|@BERTH_JAR@|$(escape_for_sed "$share/berth.jar")|" \
    -e "s|@BERTH_ARCHIVE@|$(escape_for_sed "$archive")|" \
    src/main/launcher/berth > "$prefix/bin/berth.new"
chmod 0755 "$prefix/bin/berth.new"
mv -f "$prefix/bin/berth.new" "$prefix/bin/berth"

echo "Installed berth into $prefix: $("$prefix/bin/berth" version)"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Note: $prefix/bin is not on your PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
