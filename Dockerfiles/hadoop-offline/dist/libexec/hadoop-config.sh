# shellcheck shell=bash
# Launcher logic shared by bin/hdfs and bin/hadoop of hind's offline Hadoop
# 2.7.3 distribution. The jars come from Apache Hadoop 2.7.3 (by way of PyPI's
# pyspark 2.4.8); Apache's own scripts do not, so these re-implement what they
# do for the commands a cluster needs. Environment, as in Apache Hadoop 2.7:
#
#   HADOOP_HOME          the distribution (default: the parent of bin/)
#   HADOOP_CONF_DIR      configuration, first on the classpath
#                        (default $HADOOP_HOME/etc/hadoop; also: --config DIR)
#   JAVA_HOME            the JRE (default: the java on PATH)
#   HADOOP_HEAPSIZE      max heap in MB (-Xmx, default 1000); "2g"-style values kept as given
#   HADOOP_OPTS          JVM options for every command
#   HADOOP_<DAEMON>_OPTS NAMENODE, DATANODE, SECONDARYNAMENODE, JOURNALNODE,
#                        ZKFC, BALANCER, MOVER: JVM options of that daemon
#   HADOOP_CLIENT_OPTS   JVM options of client commands (dfs, dfsadmin, fsck, getconf, fs, jar ...)
#   HADOOP_CLASSPATH     extra classpath (appended; first with HADOOP_USER_CLASSPATH_FIRST=true)
#   HADOOP_ROOT_LOGGER   log4j root logger (default INFO,console; console is stderr;
#                        also: --loglevel LEVEL)
#   HADOOP_LOG_DIR       hadoop.log.dir (default $HADOOP_HOME/logs); nothing is
#                        written there unless a log4j file appender is configured
#   HADOOP_IDENT_STRING  hadoop.id.str (default $USER)
#   HADOOP_JDK9_OPTS     module flags for Java 9+ (default: see below; "" for none)
#   HADOOP_CDS_ARCHIVE   class-data sharing archive (default: the image's, see
#                        hadoop_cds_archive; "" for none)
#
# Options with several words (HADOOP_OPTS ...) are split on white space, like
# Apache's scripts do, without glob expansion.

# Java 9+ closes JDK internals that Hadoop 2.7 (written for Java 7/8) and its
# netty reach by reflection. On JDK 17 HDFS works without any flag: these
# accesses fail, are caught, and fall back (found by running NameNode,
# DataNode, SecondaryNameNode and clients with
# -Dsun.reflect.debugModuleAccessChecks=access). The exports restore the Java 8
# behaviour: KerberosUtil reads the default Kerberos realm from
# sun.security.krb5.Config; netty 4.1 (DataNode web server) uses
# jdk.internal.misc.Unsafe. Only passed when the JRE is 9 or later (Java 8
# rejects these options); HADOOP_JDK9_OPTS="" in hadoop-env.sh drops them.
HADOOP_JDK9_OPTS_DEFAULT=(
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
)

hadoop_error() {
  printf 'Error: %s\n' "$*" >&2
}

# Resolves HADOOP_HOME and HADOOP_CONF_DIR and reads hadoop-env.sh.
# BIN is the directory of the calling script (symlinks resolved).
hadoop_init() {
  local bin="$1"
  HADOOP_HOME="${HADOOP_HOME:-${HADOOP_PREFIX:-$(cd "$bin/.." && pwd -P)}}"
  HADOOP_PREFIX="$HADOOP_HOME"
  HADOOP_CONF_DIR="${HADOOP_CONF_DIR:-$HADOOP_HOME/etc/hadoop}"
  if [[ ! -d "$HADOOP_CONF_DIR" ]]; then
    hadoop_error "HADOOP_CONF_DIR $HADOOP_CONF_DIR is not a directory"
    exit 1
  fi
  export HADOOP_HOME HADOOP_PREFIX HADOOP_CONF_DIR
  if [[ -f "$HADOOP_CONF_DIR/hadoop-env.sh" ]]; then
    # shellcheck source=/dev/null
    . "$HADOOP_CONF_DIR/hadoop-env.sh"
  fi
}

# Sets JAVA to the java binary, from JAVA_HOME or PATH.
hadoop_find_java() {
  if [[ -n "${JAVA_HOME:-}" ]]; then
    JAVA="$JAVA_HOME/bin/java"
    if [[ ! -x "$JAVA" ]]; then
      hadoop_error "JAVA_HOME is set to $JAVA_HOME, which has no bin/java"
      exit 1
    fi
  elif JAVA="$(command -v java)"; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$JAVA")")")"
  else
    hadoop_error "JAVA_HOME is not set and could not be found."
    exit 1
  fi
}

# Is the JRE at JAVA_HOME Java 9 or later? Reads JAVA_HOME/release (no JVM
# start); falls back to asking java itself.
hadoop_java_is_modular() {
  local version=""
  if [[ -f "$JAVA_HOME/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$JAVA_HOME/release")"
  fi
  if [[ -z "$version" ]]; then
    version="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  fi
  # "1.8.0_x" is Java 8; "9", "11.0.2", "17.0.15" are 9+.
  [[ -n "$version" && "$version" != 1.* ]]
}

# Builds CLASSPATH like Apache's 2.7 scripts: conf dir first, then each
# component's lib/* and jars; component dirs themselves hold webapps/.
# With an argument (class-data sharing, see hadoop_cds_archive): the jars of
# hadoop_jars first, one by one, then the conf dir and the webapps dirs.
hadoop_build_classpath() {
  local share="$HADOOP_HOME/share/hadoop" component jars_first="${1:-}" jars=()
  if [[ -n "$jars_first" ]]; then
    mapfile -t jars < <(hadoop_jars)
    CLASSPATH="$(IFS=:; printf '%s' "${jars[*]}"):$HADOOP_CONF_DIR"
    for component in common hdfs yarn mapreduce; do
      [[ -d "$share/$component/webapps" ]] && CLASSPATH+=":$share/$component"
    done
    [[ -n "${HADOOP_CLASSPATH:-}" ]] && CLASSPATH+=":$HADOOP_CLASSPATH"
    return 0
  fi
  CLASSPATH="$HADOOP_CONF_DIR"
  if [[ -n "${HADOOP_CLASSPATH:-}" && "${HADOOP_USER_CLASSPATH_FIRST:-}" == "true" ]]; then
    CLASSPATH+=":$HADOOP_CLASSPATH"
  fi
  for component in common hdfs yarn mapreduce; do
    [[ -d "$share/$component" ]] || continue
    [[ -d "$share/$component/webapps" ]] && CLASSPATH+=":$share/$component"
    [[ -d "$share/$component/lib" ]] && CLASSPATH+=":$share/$component/lib/*"
    CLASSPATH+=":$share/$component/*"
  done
  if [[ -n "${HADOOP_CLASSPATH:-}" && "${HADOOP_USER_CLASSPATH_FIRST:-}" != "true" ]]; then
    CLASSPATH+=":$HADOOP_CLASSPATH"
  fi
}

# The jars of the distribution, one per line: each component's lib/ jars, then
# its own, sorted by name (C collation) within a directory.
hadoop_jars() {
  local share="$HADOOP_HOME/share/hadoop" component jar LC_ALL=C
  for component in common hdfs yarn mapreduce; do
    for jar in "$share/$component"/lib/*.jar "$share/$component"/*.jar; do
      [[ -f "$jar" ]] && printf '%s\n' "$jar"
    done
  done
  return 0
}

# Class-data sharing: the image build (libexec/hind-cds-archive.sh) runs a
# NameNode format, a NameNode, a DataNode and client commands once, recording
# the classes they load, and archives those classes parsed and verified in
# HADOOP_CDS_ARCHIVE (default $HADOOP_HOME/share/hadoop/hadoop-cds.jsa). A JVM
# then maps the archive instead of reading, parsing and verifying thousands of
# classes from the jars: about a third less CPU to start a daemon. JDK 17 uses
# an archive only when the classpath starts with the archived jars in the same
# order and no non-empty directory is among them, so with an archive the jars
# come first and the conf dir and webapps dirs after them (no jar of this
# distribution holds a *-site.xml, log4j.properties or webapps/: resources
# resolve as before). When the archive does not fit (another JRE, a changed
# jar), the JVM starts without it. HADOOP_CDS_ARCHIVE="" turns it off, as does
# HADOOP_USER_CLASSPATH_FIRST=true with a HADOOP_CLASSPATH.
# Prints the archive to use, or nothing; needs JAVA and JAVA_HOME.
hadoop_cds_archive() {
  local archive="${HADOOP_CDS_ARCHIVE-$HADOOP_HOME/share/hadoop/hadoop-cds.jsa}"
  [[ -n "$archive" && -f "$archive" ]] || return 0
  [[ -n "${HADOOP_CLASSPATH:-}" && "${HADOOP_USER_CLASSPATH_FIRST:-}" == "true" ]] && return 0
  hadoop_java_is_modular || return 0
  printf '%s' "$archive"
}

# Appends the words of a string to the array JAVA_OPTS (no globbing).
hadoop_add_opts() {
  local words=()
  read -r -a words <<<"${1:-}"
  JAVA_OPTS+=(${words[@]+"${words[@]}"})
}

# Runs CLASS in the foreground (exec: signals reach the JVM), with the JVM
# options of OPTS_VAR (e.g. HADOOP_NAMENODE_OPTS) after HADOOP_OPTS.
hadoop_exec() {
  local class="$1" opts_var="$2" heap
  shift 2
  hadoop_find_java
  local archive
  archive="$(hadoop_cds_archive)"
  hadoop_build_classpath ${archive:+jars-first}
  JAVA_OPTS=()
  heap="${HADOOP_HEAPSIZE:-1000}"
  [[ "$heap" =~ ^[0-9]+$ ]] && heap="${heap}m"
  JAVA_OPTS+=("-Xmx$heap")
  if hadoop_java_is_modular; then
    if [[ -n "${HADOOP_JDK9_OPTS+set}" ]]; then
      hadoop_add_opts "$HADOOP_JDK9_OPTS"
    else
      JAVA_OPTS+=("${HADOOP_JDK9_OPTS_DEFAULT[@]}")
    fi
  fi
  JAVA_OPTS+=(
    "-Djava.net.preferIPv4Stack=true"
    "-Dhadoop.log.dir=${HADOOP_LOG_DIR:-$HADOOP_HOME/logs}"
    "-Dhadoop.log.file=${HADOOP_LOGFILE:-hadoop.log}"
    "-Dhadoop.home.dir=$HADOOP_HOME"
    "-Dhadoop.id.str=${HADOOP_IDENT_STRING:-${USER:-$(id -un 2>/dev/null || echo hadoop)}}"
    "-Dhadoop.root.logger=${HADOOP_ROOT_LOGGER:-INFO,console}"
    "-Dhadoop.policy.file=${HADOOP_POLICYFILE:-hadoop-policy.xml}"
  )
  if [[ -n "$archive" ]]; then
    JAVA_OPTS+=("-XX:SharedArchiveFile=$archive")
    # How the archive is mapped, when its build checked that daemons run that way
    # (libexec/hind-cds-archive.sh).
    [[ -f "$archive.options" ]] && hadoop_add_opts "$(<"$archive.options")"
  fi
  hadoop_add_opts "${HADOOP_OPTS:-}"
  if [[ -n "$opts_var" ]]; then
    hadoop_add_opts "${!opts_var:-}"
  fi
  export CLASSPATH
  exec "$JAVA" "${JAVA_OPTS[@]}" "$class" "$@"
}

# "hdfs classpath" / "hadoop classpath": print the classpath; with options
# (--glob, --jar FILE) Hadoop's own Classpath tool handles them.
hadoop_classpath_command() {
  if [[ $# -eq 0 ]]; then
    hadoop_build_classpath
    printf '%s\n' "$CLASSPATH"
    exit 0
  fi
  hadoop_exec org.apache.hadoop.util.Classpath HADOOP_CLIENT_OPTS "$@"
}
