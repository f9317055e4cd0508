#!/usr/bin/env bash
# Builds the class-data sharing archive of hind's offline Hadoop distribution
# (see hadoop_cds_archive in hadoop-config.sh). Run once at image build time:
#
#   libexec/hind-cds-archive.sh [ARCHIVE]   (default $HADOOP_HOME/share/hadoop/hadoop-cds.jsa)
#
# Formats and starts a NameNode and a DataNode on 127.0.0.1 in a scratch
# directory, runs a few client commands against them, records the classes
# every one of those JVMs loads (-XX:DumpLoadedClassList), stops them, and
# dumps the union into ARCHIVE with the classpath hadoop-config.sh gives a JVM
# when the archive exists. Then runs the same again on the archive mapped at its
# base address, and keeps the options for that in ARCHIVE.options only when it
# works. Removes its scratch directory; fails (leaving no archive) when the
# cluster does not come up.
set -euo pipefail

HADOOP_BIN="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../bin" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=hadoop-config.sh
. "$HADOOP_BIN/../libexec/hadoop-config.sh"
hadoop_init "$HADOOP_BIN"
ARCHIVE="${1:-$HADOOP_HOME/share/hadoop/hadoop-cds.jsa}"

work="$(mktemp -d)"
# A JVM that dies leaves its hs_err file here, not in the image.
cd "$work"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/conf"
cp -R "$HADOOP_CONF_DIR/." "$work/conf/"
property() { printf '  <property><name>%s</name><value>%s</value></property>\n' "$1" "$2"; }
{
  echo '<?xml version="1.0"?><configuration>'
  property fs.defaultFS hdfs://127.0.0.1:9000
  property hadoop.tmp.dir "$work/tmp"
  echo '</configuration>'
} >"$work/conf/core-site.xml"
{
  echo '<?xml version="1.0"?><configuration>'
  property dfs.replication 1
  property dfs.namenode.name.dir "file://$work/name"
  property dfs.datanode.data.dir "file://$work/data"
  property dfs.namenode.http-address 127.0.0.1:50070
  property dfs.datanode.address 127.0.0.1:50010
  property dfs.datanode.http.address 127.0.0.1:50075
  property dfs.datanode.ipc.address 127.0.0.1:50020
  property dfs.namenode.datanode.registration.ip-hostname-check false
  property dfs.namenode.safemode.extension 0
  property dfs.permissions.enabled false
  property dfs.webhdfs.enabled true
  echo '</configuration>'
} >"$work/conf/hdfs-site.xml"
export HADOOP_CONF_DIR="$work/conf" HADOOP_CDS_ARCHIVE="" HADOOP_ROOT_LOGGER="WARN,console"

# opts NAME: the HADOOP_OPTS of the hdfs command NAME; while recording, it writes the
# classes it loads to NAME.classlist.
recording=yes
opts() { printf '%s' "${recording:+-XX:DumpLoadedClassList=$work/$1.classlist }${HADOOP_OPTS:-}"; }

# run NAME COMMAND...: an hdfs command.
run() {
  local name="$1"
  shift
  HADOOP_OPTS="$(opts "$name")" "$HADOOP_BIN/hdfs" "$@"
}

# start DAEMON: hdfs DAEMON in the background; its PID (the JVM's, hdfs execs java)
# joins pids.
start() {
  HADOOP_OPTS="$(opts "$1")" "$HADOOP_BIN/hdfs" "$1" 2>"$work/$1.log" &
  pids+=("$!")
}

# daemons_failed WHAT: says so with the daemons' last log lines; fails.
daemons_failed() {
  echo "hind-cds-archive: $1; their logs:" >&2
  tail -n 20 "$work/namenode.log" "$work/datanode.log" >&2
  return 1
}

# web METHOD PORT PATH: one request to a daemon's web server; its answer does not matter.
web() { curl -s -o /dev/null -X "$1" "http://127.0.0.1:$2$3" || true; }

# Starts a NameNode and a DataNode, asks of them what hind and people ask of a cluster,
# and stops them; fails when a daemon does not come up or dies on the way.
exercise() {
  local live="" report pid
  start namenode
  start datanode
  for _ in $(seq 1 120); do
    if report="$(run dfsadmin dfsadmin -report 2>/dev/null)" && grep -q 'Live datanodes (1)' <<<"$report"; then
      live=yes
      break
    fi
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || break 2; done
    sleep 1
  done
  [[ -n "$live" ]] || daemons_failed "the NameNode and DataNode did not come up" || return 1
  echo "hind CDS training file" >"$work/file"
  run put dfs -put -f "$work/file" /file || return 1
  run cat dfs -cat /file >/dev/null || return 1
  run ls dfs -ls / >/dev/null || return 1
  run getconf getconf -namenodes >/dev/null || return 1
  # What hind and people ask of the daemons' web servers while a cluster starts and
  # runs: the JMX beans readiness reads (ten a second), WebHDFS (hind's home directory,
  # the smoke checks, clients on the host) and the UI. Without these, the NameNode loads
  # Jersey, JAXB and the JSON writers from the jars at its first WebHDFS request: about
  # 0.5 CPU-s of a first start (BENCHMARKS.md).
  for bean in NameNodeStatus FSNamesystemState NameNodeInfo FSNamesystem; do
    web GET 50070 "/jmx?qry=Hadoop:service=NameNode,name=$bean"
  done
  web PUT 50070 "/webhdfs/v1/user/hind?op=MKDIRS&user.name=hind"
  web GET 50070 "/webhdfs/v1/?op=LISTSTATUS&user.name=hind"
  web GET 50070 "/webhdfs/v1/file?op=GETFILESTATUS&user.name=hind"
  curl -s -o /dev/null -L "http://127.0.0.1:50070/webhdfs/v1/file?op=OPEN&user.name=hind" || true
  web GET 50070 "/fsck?ugi=hind&path=/&files=1&blocks=1&locations=1"
  web GET 50070 "/dfshealth.html"
  web GET 50075 "/jmx?qry=Hadoop:service=DataNode,name=DataNodeInfo"
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || daemons_failed "a daemon died" || return 1
  done
  for pid in "${pids[@]}"; do kill -TERM "$pid"; done
  wait || true
  pids=()
}

run format namenode -format -nonInteractive -clusterid CID-hind-cds >"$work/format.log" 2>&1 ||
  { cat "$work/format.log" >&2; exit 1; }
exercise || exit 1

# The union of the class lists (comments dropped), without the classes JDK 17 cannot
# share when the archive stays at its base address (share/hind/cds-exclude, made by
# scripts/lib/cds-exclude.py), dumped with the classpath and module flags hadoop_exec
# gives a JVM when the archive exists.
exclude="$HADOOP_HOME/share/hind/cds-exclude"
cat "$work"/*.classlist | grep -v '^#' | sort -u >"$work/loaded"
if [[ -f "$exclude" ]]; then
  awk 'NR == FNR { skip[$1] = 1; next } !($1 in skip)' "$exclude" "$work/loaded" >"$work/classes"
else
  cp "$work/loaded" "$work/classes"
fi
hadoop_find_java
mapfile -t jars < <(hadoop_jars)
modules=()
if [[ -n "${HADOOP_JDK9_OPTS+set}" ]]; then
  read -r -a modules <<<"$HADOOP_JDK9_OPTS"
else
  modules=("${HADOOP_JDK9_OPTS_DEFAULT[@]}")
fi
rm -f "$ARCHIVE" "$ARCHIVE.options"
"$JAVA" -Xshare:dump -XX:SharedClassListFile="$work/classes" -XX:SharedArchiveFile="$ARCHIVE" \
  ${modules[@]+"${modules[@]}"} -cp "$(IFS=:; printf '%s' "${jars[*]}")" >"$work/dump.log" 2>&1 ||
  { tail -n 20 "$work/dump.log" >&2; rm -f "$ARCHIVE"; exit 1; }
chmod 0644 "$ARCHIVE"

# Mapped where it was dumped, the archive's pages stay clean and are shared by every
# JVM on the host; relocated (the JDK's default, ArchiveRelocationMode=1), each JVM
# patches its own copy (about 19 MiB of private memory per daemon). The options are
# kept only when the same cluster runs with them (hadoop_exec reads ARCHIVE.options).
echo "-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0" >"$ARCHIVE.options"
recording=""
export HADOOP_CDS_ARCHIVE="$ARCHIVE"
if ! exercise; then
  rm -f "$ARCHIVE.options"
  echo "hind-cds-archive: warning: the daemons fail with the archive at its base address; every JVM relocates it" >&2
fi
chmod 0644 "$ARCHIVE.options" 2>/dev/null || true
printf 'hind-cds-archive: %s classes (%s left out) in %s (%s MB), options: %s\n' \
  "$(wc -l <"$work/classes")" "$(($(wc -l <"$work/loaded") - $(wc -l <"$work/classes")))" \
  "$ARCHIVE" "$(du -m "$ARCHIVE" | cut -f1)" "$(cat "$ARCHIVE.options" 2>/dev/null || echo none)"
