# Sourced by ./mvnw, ./turso and .ci/run: points JAVA_HOME at a JDK >= 25, or
# stops with one line saying what to install. Order: $JAVA_HOME, then `java`
# on the PATH, then the newest JDK under /usr/lib/jvm (where Debian and the
# Temurin packages put them, beside an older default `java`).

turso_java_feature() {
  # Prints the feature release of the java binary $1 ("25" for 25.0.1, "8" for
  # 1.8.0), from the JDK's release file when it has one: starting a JVM just
  # to ask its version would cost every launch a tenth of a second or more.
  rel="$(dirname "$(dirname "$(readlink -f "$1")")")/release"
  if [ -f "$rel" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9.]*\).*/\1/p' "$rel")
  else
    v=$("$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' | head -n 1)
  fi
  echo "$v" | awk -F. 'NF { if ($1 == 1) print $2; else print $1 }'
}

turso_find_java() {
  turso_min=25
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(turso_java_feature "$JAVA_HOME/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$turso_min" ]; then return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    j=$(command -v java)
    v=$(turso_java_feature "$j")
    if [ -n "$v" ] && [ "$v" -ge "$turso_min" ]; then
      r=$(readlink -f "$j" 2>/dev/null || echo "$j")
      JAVA_HOME=$(dirname "$(dirname "$r")")
      export JAVA_HOME
      return 0
    fi
  fi
  best=""; bestv=0
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    v=$(turso_java_feature "$d/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$turso_min" ] && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  if [ -n "$best" ]; then
    JAVA_HOME=$best
    export JAVA_HOME
    return 0
  fi
  echo "turso: needs a JDK $turso_min or later (none in \$JAVA_HOME, on the PATH or under /usr/lib/jvm); install one, e.g. 'apt-get install temurin-25-jdk', or set JAVA_HOME." >&2
  return 1
}
