# shellcheck shell=bash
# A self-contained Apache Hadoop 2.7.3 distribution (HDFS), assembled from the
# jars in PyPI's pyspark 2.4.8 source distribution plus Debian's Jersey 1, and
# hind's own launchers and configuration (Dockerfiles/hadoop-offline/dist/).
# Sourced by scripts/build-offline-image; this file is part of the
# distribution's recipe hash.
#
# Needs (from the caller): hind_* helpers from common.sh, HIND_CACHE, SCRIPT_DIR.

HIND_HADOOP_VERSION="2.7.3"
HIND_PYSPARK_VERSION="2.4.8"

# Jars as laid out in Apache's hadoop-2.7.3 binary tarball, by name without
# version (the versions are pyspark's, which may differ from Hadoop's pins:
# guava 14 instead of 11, netty-all 4.1 instead of 4.0 ...; seen working).
# share/hadoop/common:
HIND_COMMON_JARS=(hadoop-common)
# share/hadoop/common/lib:
HIND_COMMON_LIB_JARS=(
  hadoop-annotations hadoop-auth
  activation apacheds-i18n apacheds-kerberos-codec api-asn1-api api-util avro
  commons-beanutils commons-cli commons-codec commons-collections commons-compress
  commons-configuration commons-digester commons-httpclient commons-io commons-lang
  commons-logging commons-math3 commons-net
  curator-client curator-framework curator-recipes
  gson guava htrace-core httpclient httpcore
  jackson-core-asl jackson-jaxrs jackson-mapper-asl jackson-xc jaxb-api
  javax.servlet-api jetty jetty-util jsp-api jsr305 log4j netty paranamer
  protobuf-java slf4j-api slf4j-log4j12 snappy-java xmlenc xz zookeeper
)
# share/hadoop/hdfs and share/hadoop/hdfs/lib:
HIND_HDFS_JARS=(hadoop-hdfs)
HIND_HDFS_LIB_JARS=(leveldbjni-all netty-all xercesImpl)
# share/hadoop/yarn and share/hadoop/mapreduce: only the jars that carry
# yarn-default.xml and mapred-default.xml, so hind checks --conf keys of all
# four files against Hadoop's own (no YARN daemon runs from them).
HIND_YARN_JARS=(hadoop-yarn-common)
HIND_MAPREDUCE_JARS=(hadoop-mapreduce-client-core)
# Debian's Jersey 1 (/usr/share/java in the base rootfs) -> common/lib.
HIND_JERSEY_JARS=(jersey1-core jersey1-server jersey1-servlet jsr311-api)

# The pyspark source distribution, from the cache or PyPI: sets
# HIND_PYSPARK_SDIST to its path.
hind_fetch_pyspark() {
  local dir="$HIND_CACHE/pyspark" file log pip=() start
  file="$dir/pyspark-$HIND_PYSPARK_VERSION.tar.gz"
  HIND_PYSPARK_SDIST="$file"
  # A complete download only (pip writes it under another name first).
  if [[ -s "$file" ]]; then
    return 0
  fi
  start="$(hind_now)"
  mkdir -p "$dir"
  if command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
    pip=(python3 -m pip)
  elif command -v pip3 >/dev/null 2>&1; then
    pip=(pip3)
  else
    hind_die "pip is missing; install it (apt-get install python3-pip), then rerun"
  fi
  log="$(mktemp)"
  HIND_CLEANUP_PATHS+=("$log")
  hind_info "downloading pyspark==$HIND_PYSPARK_VERSION (220 MB source distribution) from PyPI"
  # --no-build-isolation: pip reads the sdist's metadata with this Python's
  # setuptools and wheel instead of fetching them into a throwaway environment.
  if ! python3 -c 'import setuptools, wheel' >/dev/null 2>&1; then
    if ! "${pip[@]}" install -q wheel setuptools >"$log" 2>&1; then
      # Debian's own Python refuses pip installs (PEP 668): use its packages.
      if grep -q externally-managed "$log" && [[ "$(id -u)" -eq 0 ]]; then
        hind_apt_install python3-wheel python3-setuptools
      else
        hind_die "pip install wheel failed (PyPI unreachable?): $(grep -m1 -E 'ERROR|Error' "$log" || tail -n1 "$log"); fix PyPI access, then rerun"
      fi
    fi
  fi
  HIND_CLEANUP_PATHS+=("$dir.tmp")
  if ! "${pip[@]}" download --no-deps --no-binary :all: --no-build-isolation \
    "pyspark==$HIND_PYSPARK_VERSION" -d "$dir.tmp" >"$log" 2>&1; then
    rm -rf "$dir.tmp"
    local index why
    index="$(sed -n 's/^Looking in indexes: //p' "$log" | head -n1)"
    why="$(grep -m1 -E 'ERROR|Error' "$log" || tail -n1 "$log")"
    if grep -qE 'NewConnectionError|Failed to establish|ConnectTimeout|connection broken|Could not fetch URL|ProxyError|SSLError' "$log"; then
      why="cannot connect to ${index:-PyPI} ($(grep -m1 -oE '(NewConnectionError|ConnectTimeout|ProxyError|SSLError)[^)]*' "$log" || echo "connection failed"))"
    fi
    hind_die "downloading pyspark==$HIND_PYSPARK_VERSION from ${index:-PyPI} failed: $why; check PyPI access (pip download pyspark==$HIND_PYSPARK_VERSION), or put pyspark-$HIND_PYSPARK_VERSION.tar.gz in $dir, then rerun"
  fi
  mv "$dir.tmp/pyspark-$HIND_PYSPARK_VERSION.tar.gz" "$file" ||
    hind_die "pip did not leave pyspark-$HIND_PYSPARK_VERSION.tar.gz in $dir.tmp"
  rm -rf "$dir.tmp" "$log"
  hind_ok "downloaded pyspark-$HIND_PYSPARK_VERSION.tar.gz from PyPI ($(du -m "$file" | cut -f1) MB)" "$start"
}

# Copies the jar NAME-<version>.jar from SRC to DEST; fails when missing.
hind_copy_jar() {
  local src="$1" name="$2" dest="$3" matches=()
  # NAME-<digit>...: "jetty" must not match jetty-util, "log4j" not apache-log4j-extras.
  mapfile -t matches < <(find "$src" -maxdepth 1 -name "$name-[0-9]*.jar" ! -name '*-tests.jar' | sort)
  [[ ${#matches[@]} -ge 1 ]] || hind_die "no $name-*.jar in $src (pyspark $HIND_PYSPARK_VERSION); the jar list in scripts/lib/offline-dist.sh needs fixing"
  cp "${matches[-1]}" "$dest/"
}

# Assembles the distribution into DEST (a new directory) from the pyspark
# sdist, the Jersey jars in JAVA_DIR (the base rootfs' /usr/share/java), and
# the templates in TEMPLATES.
hind_assemble_dist() {
  local dest="$1" java_dir="$2" templates="$3" sdist work jars name jar
  hind_fetch_pyspark
  sdist="$HIND_PYSPARK_SDIST"
  work="$(mktemp -d "$HIND_CACHE/dist-work.XXXXXX")"
  HIND_CLEANUP_PATHS+=("$work")
  # Only the jars (233 MB of 440 MB unpacked); one pass over the gzip stream.
  tar -xzf "$sdist" -C "$work" --wildcards "pyspark-$HIND_PYSPARK_VERSION/deps/jars/*.jar" ||
    hind_die "cannot unpack $sdist; delete it and rerun to download it again"
  jars="$work/pyspark-$HIND_PYSPARK_VERSION/deps/jars"

  mkdir -p "$dest"
  cp -R "$templates/." "$dest/"
  local common="$dest/share/hadoop/common" hdfs="$dest/share/hadoop/hdfs"
  local yarn="$dest/share/hadoop/yarn" mapreduce="$dest/share/hadoop/mapreduce"
  mkdir -p "$common/lib" "$hdfs/lib" "$yarn" "$mapreduce"
  for name in "${HIND_COMMON_JARS[@]}"; do hind_copy_jar "$jars" "$name" "$common"; done
  for name in "${HIND_COMMON_LIB_JARS[@]}"; do hind_copy_jar "$jars" "$name" "$common/lib"; done
  for name in "${HIND_HDFS_JARS[@]}"; do hind_copy_jar "$jars" "$name" "$hdfs"; done
  for name in "${HIND_HDFS_LIB_JARS[@]}"; do hind_copy_jar "$jars" "$name" "$hdfs/lib"; done
  for name in "${HIND_YARN_JARS[@]}"; do hind_copy_jar "$jars" "$name" "$yarn"; done
  for name in "${HIND_MAPREDUCE_JARS[@]}"; do hind_copy_jar "$jars" "$name" "$mapreduce"; done
  for name in "${HIND_JERSEY_JARS[@]}"; do
    # Debian installs NAME.jar plus a versioned symlink; keep the versioned name.
    jar="$(find "$java_dir" -maxdepth 1 -name "$name-[0-9]*.jar" | sort | tail -n1)"
    [[ -n "$jar" ]] || jar="$java_dir/$name.jar"
    [[ -e "$jar" ]] || hind_die "no $name jar in the base rootfs; is it in the package list (scripts/lib/offline-base.sh)?"
    cp -L "$jar" "$common/lib/$(basename "$jar")"
  done

  # Provenance: where each jar came from, with its checksum.
  (cd "$dest" && find share -name '*.jar' | sort | xargs sha256sum) >"$dest/share/hadoop/JARS.sha256"
  # The classes the image's class-data sharing archive must leave out on JDK 17 (old
  # class files with subroutines, which JDK 17 rewrites inside the archive).
  mkdir -p "$dest/share/hind"
  python3 "$SCRIPT_DIR/lib/cds-exclude.py" "$dest/share/hadoop" >"$dest/share/hind/cds-exclude" ||
    hind_die "cannot read the classes of $dest/share/hadoop; rerun with --force"
  cat >"$dest/HIND-DISTRIBUTION.txt" <<EOF
Apache Hadoop $HIND_HADOOP_VERSION (HDFS), assembled by hind's scripts/build-offline-image.
Hadoop jars and dependencies: PyPI pyspark==$HIND_PYSPARK_VERSION source distribution (deps/jars).
Jersey 1: Debian $HIND_BASE_SUITE packages ${HIND_JERSEY_JARS[*]}.
bin/, libexec/, etc/hadoop/ and webapps/: hind's own (Dockerfiles/hadoop-offline/dist/).
Needs only a Java runtime (8 or later; JDK 17 tested) and bash.
EOF
  # World-readable so a bind mount works for any container user.
  chmod -R a+rX "$dest"
  chmod 0755 "$dest/bin/"*
  rm -rf "$work"
}
