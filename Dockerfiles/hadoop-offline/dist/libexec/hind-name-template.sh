#!/bin/sh
# Makes share/hind/namenode-template: the namespace a new hind cluster starts from,
# made once at image build as the image's user, with Hadoop's own commands:
# `hdfs namenode -format`, then a NameNode on 127.0.0.1 that makes /user/USER (the home
# directory `hind up` gives the image's user) and saves its namespace. hind's launcher
# copies it into a new NameNode's empty directory with the cluster's own IDs in VERSION,
# instead of a format JVM and a first WebHDFS request at every first start
# (BENCHMARKS.md). Run as root; the labels io.hind.namespace-template and
# io.hind.namespace-template.user name the result and the user it was made as.
#
#   hind-name-template.sh [USER]      (default: hadoop)
set -eu
user="${1:-hadoop}"
home="${HADOOP_HOME:-/opt/hadoop}"
template="$home/share/hind/namenode-template"
work="$(mktemp -d)"
pid=""
cleanup() {
  [ -z "$pid" ] || { kill -TERM "$pid" 2>/dev/null || :; wait "$pid" 2>/dev/null || :; }
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/conf"
cp -R "${HADOOP_CONF_DIR:-$home/etc/hadoop}"/. "$work/conf"/
cat >"$work/conf/core-site.xml" <<XML
<?xml version="1.0"?>
<configuration>
  <property><name>fs.defaultFS</name><value>hdfs://127.0.0.1:9000</value></property>
  <property><name>hadoop.tmp.dir</name><value>$work/tmp</value></property>
</configuration>
XML
cat >"$work/conf/hdfs-site.xml" <<XML
<?xml version="1.0"?>
<configuration>
  <property><name>dfs.namenode.name.dir</name><value>file://$template</value></property>
  <property><name>dfs.namenode.http-address</name><value>127.0.0.1:50070</value></property>
  <property><name>dfs.namenode.safemode.extension</name><value>0</value></property>
</configuration>
XML
chown -R "$user" "$work"
rm -rf "$template"
mkdir -p "$template"
chown "$user" "$template"
as_user() { runuser -u "$user" -- env HADOOP_CONF_DIR="$work/conf" HADOOP_LOG_DIR="$work" "$@"; }
fail() {
  tail -n 20 "$work"/*.log >&2 2>/dev/null || :
  echo "hind-name-template: $1 (log above)" >&2
  exit 1
}
as_user "$home/bin/hdfs" namenode -format -nonInteractive -clusterid CID-template >"$work/format.log" 2>&1 || fail "the format failed"
# runuser itself in the background (not a function's subshell), so the TERM below
# reaches the NameNode through it.
runuser -u "$user" -- env HADOOP_CONF_DIR="$work/conf" HADOOP_LOG_DIR="$work" "$home/bin/hdfs" namenode >"$work/namenode.log" 2>&1 &
pid=$!
up=""
for _ in $(seq 1 120); do
  if as_user "$home/bin/hdfs" dfs -mkdir -p "/user/$user" >"$work/mkdir.log" 2>&1; then up=yes; break; fi
  kill -0 "$pid" 2>/dev/null || fail "the NameNode stopped"
  sleep 1
done
[ -n "$up" ] || fail "the NameNode did not take /user/$user"
as_user "$home/bin/hdfs" dfsadmin -safemode enter >"$work/dfsadmin.log" 2>&1 || fail "safe mode"
as_user "$home/bin/hdfs" dfsadmin -saveNamespace >>"$work/dfsadmin.log" 2>&1 || fail "saveNamespace failed"
kill -TERM "$pid"
wait "$pid" || :
pid=""
rm -f "$template/in_use.lock"
test -f "$template/current/VERSION"
chown -R root:root "$template"
chmod -R a+rX,go-w "$template"
echo "hind-name-template: /user/$user in $(ls "$template/current" | tr '\n' ' ')"
