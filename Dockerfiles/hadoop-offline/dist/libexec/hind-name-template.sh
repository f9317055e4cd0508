#!/bin/sh
# Makes share/hind/namenode-template: the empty namespace `hdfs namenode -format`
# writes (current/VERSION, seen_txid, the fsimage of transaction 0 and its md5),
# formatted once at image build, as the image's user (the owner of the root
# directory, as a format by a NameNode container gives). hind's launcher copies it
# into a new NameNode's empty directory with the cluster's own IDs in VERSION, instead
# of starting a format JVM at every first start (BENCHMARKS.md). Run as root.
#
#   hind-name-template.sh [USER]      (default: hadoop)
set -eu
user="${1:-hadoop}"
home="${HADOOP_HOME:-/opt/hadoop}"
template="$home/share/hind/namenode-template"
conf="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$conf" "$log"' EXIT
cp -R "${HADOOP_CONF_DIR:-$home/etc/hadoop}"/. "$conf"/
cat >"$conf/hdfs-site.xml" <<XML
<?xml version="1.0"?>
<configuration>
  <property><name>dfs.namenode.name.dir</name><value>file://$template</value></property>
</configuration>
XML
chmod -R a+rX "$conf"
rm -rf "$template"
mkdir -p "$template"
chown "$user" "$template"
if ! runuser -u "$user" -- env HADOOP_CONF_DIR="$conf" HADOOP_LOG_DIR=/tmp \
    "$home/bin/hdfs" namenode -format -nonInteractive -clusterid CID-template >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  echo "hind-name-template: the format failed (log above)" >&2
  exit 1
fi
test -f "$template/current/VERSION"
chown -R root:root "$template"
chmod -R a+rX,go-w "$template"
echo "hind-name-template: $(ls "$template/current" | tr '\n' ' ')"
