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
# when the archive exists. Removes its scratch directory; fails (leaving no
# archive) when the cluster does not come up.
set -euo pipefail

HADOOP_BIN="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../bin" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=hadoop-config.sh
. "$HADOOP_BIN/../libexec/hadoop-config.sh"
hadoop_init "$HADOOP_BIN"
ARCHIVE="${1:-$HADOOP_HOME/share/hadoop/hadoop-cds.jsa}"

work="$(mktemp -d)"
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

# run NAME COMMAND...: an hdfs command recording its classes in NAME.classlist.
run() {
  local name="$1"
  shift
  HADOOP_OPTS="-XX:DumpLoadedClassList=$work/$name.classlist ${HADOOP_OPTS:-}" "$HADOOP_BIN/hdfs" "$@"
}

run format namenode -format -nonInteractive -clusterid CID-hind-cds >"$work/format.log" 2>&1 ||
  { cat "$work/format.log" >&2; exit 1; }
run namenode namenode 2>"$work/namenode.log" &
pids+=("$!")
run datanode datanode 2>"$work/datanode.log" &
pids+=("$!")
live=""
for _ in $(seq 1 120); do
  if report="$(run dfsadmin dfsadmin -report 2>/dev/null)" && grep -q 'Live datanodes (1)' <<<"$report"; then
    live=yes
    break
  fi
  sleep 1
done
if [[ -z "$live" ]]; then
  echo "hind-cds-archive: the NameNode and DataNode did not come up; their logs:" >&2
  tail -n 20 "$work/namenode.log" "$work/datanode.log" >&2
  exit 1
fi
echo "hind CDS training file" >"$work/file"
run put dfs -put "$work/file" /file
run cat dfs -cat /file >/dev/null
run ls dfs -ls / >/dev/null
run getconf getconf -namenodes >/dev/null
# What hind and people ask of the daemons' web servers while a cluster starts and
# runs: the JMX beans readiness reads (ten a second), WebHDFS (hind's home directory,
# the smoke checks, clients on the host) and the UI. Without these, the NameNode loads
# Jersey, JAXB and the JSON writers from the jars at its first WebHDFS request: about
# 0.5 CPU-s of a first start (BENCHMARKS.md).
web() { curl -s -o /dev/null -X "$1" "http://127.0.0.1:$2$3" || true; }
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
for pid in "${pids[@]}"; do kill -TERM "$pid"; done
wait || true
pids=()

# The union of the class lists (comments dropped), dumped with the classpath and
# module flags hadoop_exec gives a JVM when the archive exists.
cat "$work"/*.classlist | grep -v '^#' | sort -u >"$work/classes"
hadoop_find_java
mapfile -t jars < <(hadoop_jars)
modules=()
if [[ -n "${HADOOP_JDK9_OPTS+set}" ]]; then
  read -r -a modules <<<"$HADOOP_JDK9_OPTS"
else
  modules=("${HADOOP_JDK9_OPTS_DEFAULT[@]}")
fi
rm -f "$ARCHIVE"
"$JAVA" -Xshare:dump -XX:SharedClassListFile="$work/classes" -XX:SharedArchiveFile="$ARCHIVE" \
  ${modules[@]+"${modules[@]}"} -cp "$(IFS=:; printf '%s' "${jars[*]}")" >"$work/dump.log" 2>&1 ||
  { tail -n 20 "$work/dump.log" >&2; rm -f "$ARCHIVE"; exit 1; }
chmod 0644 "$ARCHIVE"
printf 'hind-cds-archive: %s classes in %s (%s MB)\n' "$(wc -l <"$work/classes")" "$ARCHIVE" "$(du -m "$ARCHIVE" | cut -f1)"
