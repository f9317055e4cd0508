#!/bin/sh
# hind launcher for node 'worker-3' of cluster 'racks'.
# Rendered by hind; edits are overwritten. Usage: launcher.sh [run|health]
set -eu

HIND_CLUSTER='racks'
HIND_NODE='worker-3'
HIND_DAEMONS='datanode'
HIND_HEALTH_HOST='worker-3'
HIND_HEALTH_PORTS='50020'
HIND_WAIT_TIMEOUT='300'
HIND_RUN_AS='1000:1000'
HIND_DATA_DIR='/hadoop/data'
HIND_NAME_DIRS='/hadoop/data/dfs/name'
HIND_NAME_TEMPLATE=''
HIND_OWN_DIRS='/hadoop/data/dfs/data'
HIND_RENDERED_CONF='/hind/conf'
HIND_CONF_DIR='/tmp/hind/conf'
HIND_WAIT_INTERVAL='0.1'
HIND_ADDRESS_PROPERTY='hind.node.address'
HIND_HA_PEER=''
HIND_HA_FIRST=''
HIND_JOURNALS=''
HIND_ZOOKEEPER=''
HIND_ZOOKEEPER_ID=''
HIND_ZOOKEEPER_DATA='/hadoop/data/zookeeper'
HIND_DATANODE_WAIT='namenode:8020'
HIND_DATANODE_WAIT_FOR='name'
HIND_DATANODE_OPTS_VAR='HADOOP_DATANODE_OPTS'
HIND_DATANODE_HEAP_MB='1024'
HIND_DATANODE_JVM_OPTS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'

log() { printf 'hind[%s]: %s\n' "$HIND_NODE" "$*" >&2; }

# port_open HOST PORT: whether a TCP connection succeeds, with bash's /dev/tcp or nc.
port_open() {
    if command -v bash >/dev/null 2>&1; then
        bash -c 'exec 3<>"/dev/tcp/$1/$2"' hind-probe "$1" "$2" >/dev/null 2>&1
    elif command -v nc >/dev/null 2>&1; then
        nc -z -w 2 "$1" "$2" >/dev/null 2>&1
    else
        log "neither bash nor nc is in the image: cannot probe ports"
        return 2
    fi
}

# wait_for HOST:PORT: until it accepts connections, probed every HIND_WAIT_INTERVAL
# seconds, or fail after HIND_WAIT_TIMEOUT seconds. With bash a single process probes
# and naps without forking (a read timing out on a pipe); else one nc per probe.
wait_for() {
    host=${1%:*}
    port=${1##*:}
    if command -v bash >/dev/null 2>&1; then
        if bash -c '
            interval=$4
            if { exec 4<> <(:); } 2>/dev/null; then
                nap() { read -r -t "$interval" -u 4 _ || :; }
            else
                nap() { sleep "$interval"; }
            fi
            end=$((SECONDS + $3 + 1))
            until { : 3<>"/dev/tcp/$1/$2"; } 2>/dev/null; do
                [ "$SECONDS" -lt "$end" ] || exit 1
                nap
            done' hind-wait "$host" "$port" "$HIND_WAIT_TIMEOUT" "$HIND_WAIT_INTERVAL"; then
            return 0
        fi
    else
        tries=$((HIND_WAIT_TIMEOUT * 10))
        while [ "$tries" -gt 0 ]; do
            status=0
            port_open "$host" "$port" || status=$?
            [ "$status" -ne 0 ] || return 0
            [ "$status" -ne 2 ] || return 1
            sleep "$HIND_WAIT_INTERVAL"
            tries=$((tries - 1))
        done
    fi
    log "gave up waiting for $1 after ${HIND_WAIT_TIMEOUT}s"
    return 1
}

# wait_for_name HOST: until HOST resolves, checked every HIND_WAIT_INTERVAL seconds,
# or fail after HIND_WAIT_TIMEOUT seconds.
wait_for_name() {
    tries=$((HIND_WAIT_TIMEOUT * 10))
    until getent hosts "$1" >/dev/null 2>&1; do
        tries=$((tries - 1))
        if [ "$tries" -le 0 ]; then
            log "gave up waiting for $1 to resolve after ${HIND_WAIT_TIMEOUT}s"
            return 1
        fi
        sleep "$HIND_WAIT_INTERVAL"
    done
}

# daemon_value DAEMON FIELD: the rendered HIND_<DAEMON>_<FIELD> value.
daemon_value() {
    eval "printf '%s' \"\${HIND_$(printf '%s' "$1" | tr 'a-z' 'A-Z')_$2}\""
}

# become_user ARGS: when started as root with a user to run as (HIND_RUN_AS: name,
# uid or uid:gid), give the data directory (a new named volume keeps its mount
# point's root ownership) and the storage directories outside it (HIND_OWN_DIRS)
# to that user, and run this launcher again as that user. The switch leaves the
# daemons no capability.
become_user() {
    [ -n "$HIND_RUN_AS" ] && [ "$(id -u)" -eq 0 ] || return 0
    user=${HIND_RUN_AS%%:*}
    group=
    case "$HIND_RUN_AS" in *:*) group=${HIND_RUN_AS#*:} ;; esac
    case "$user" in
        '' | *[!0-9]*)
            if ! uid=$(id -u "$user" 2>/dev/null); then
                log "user $user does not exist in the image: pass an image whose user exists, or label it io.hind.user=NAME:UID:GID"
                exit 1
            fi ;;
        *) uid=$user ;;
    esac
    case "$group" in
        '') gid=$(id -g "$user" 2>/dev/null) || gid=$uid ;;
        *[!0-9]*) gid=$(getent group "$group" 2>/dev/null | cut -d: -f3) ;;
        *) gid=$group ;;
    esac
    # Root keeps only CHOWN, SETUID and SETGID: it creates the directories outside
    # the data directory (in root-owned parents) and gives them away; those inside
    # it are the user's to create.
    for dir in "$HIND_DATA_DIR" $HIND_OWN_DIRS; do
        case "$dir" in "$HIND_DATA_DIR"/*) continue ;; esac
        if ! mkdir -p "$dir"; then
            log "cannot create the directory $dir as root without DAC_OVERRIDE: choose one whose parents root owns"
            exit 1
        fi
        owner=$(stat -c %u:%g "$dir")
        if [ "$owner" != "$uid:$gid" ] && ! chown "$uid:$gid" "$dir"; then
            log "cannot give the directory $dir (owner $owner) to the daemons' user $uid:$gid"
            exit 1
        fi
    done
    if ! command -v setpriv >/dev/null 2>&1; then
        log "the image has no setpriv (util-linux): cannot start the daemons as $HIND_RUN_AS"
        exit 1
    fi
    account=$(getent passwd "$uid" 2>/dev/null || true)
    groups=--clear-groups
    [ -z "$account" ] || groups=--init-groups
    home=$(printf '%s' "$account" | cut -d: -f6)
    export HOME="${home:-/tmp}" USER="${account%%:*}"
    [ -n "$USER" ] || USER=$uid
    exec setpriv --reuid="$uid" --regid="$gid" "$groups" -- /bin/sh "$0" "$@"
}

# check_data_dir: the daemons' user must be able to write the data directory.
check_data_dir() {
    [ ! -d "$HIND_DATA_DIR" ] || [ -w "$HIND_DATA_DIR" ] && return 0
    log "the data directory $HIND_DATA_DIR (owner $(stat -c %U:%G "$HIND_DATA_DIR")) is not writable by $(id -un 2>/dev/null || id -u):$(id -gn 2>/dev/null || id -g): label the image io.hind.user=NAME:UID:GID with the owner of its data directory"
    exit 1
}

# hadoop_home: the image's Hadoop. Apache's images set no HADOOP_HOME: the parent
# of the bin/ holding the hdfs on PATH, else /opt/hadoop.
hadoop_home() {
    if [ -n "${HADOOP_HOME:-}" ]; then
        printf '%s' "$HADOOP_HOME"
    elif hdfs=$(command -v hdfs 2>/dev/null); then
        bin=$(dirname "$(readlink -f "$hdfs" 2>/dev/null || printf '%s' "$hdfs")")
        printf '%s' "${bin%/*}"
    else
        printf '%s' /opt/hadoop
    fi
}

# prepare_config: the image's configuration (hadoop-env.sh and the like), then every
# file hind rendered over it: the site files, capacity-scheduler.xml and a console
# log4j.properties, so nothing depends on what the image ships.
prepare_config() {
    rm -rf "$HIND_CONF_DIR"
    mkdir -p "$HIND_CONF_DIR"
    home=$(hadoop_home)
    if [ -d "$home/etc/hadoop" ]; then
        cp -R "$home/etc/hadoop/." "$HIND_CONF_DIR/"
    fi
    cp "$HIND_RENDERED_CONF"/* "$HIND_CONF_DIR/"
    export HADOOP_CONF_DIR="$HIND_CONF_DIR"
    # Hadoop 3 refuses a log directory it cannot write ($HADOOP_HOME/logs is not
    # the daemons' in Apache's image); they log to the console anyway.
    if [ -z "${HADOOP_LOG_DIR:-}" ]; then
        export HADOOP_LOG_DIR="${HIND_CONF_DIR%/*}/logs"
        mkdir -p "$HADOOP_LOG_DIR"
    fi
}

# node_address: this container's address on the cluster network, from its
# hostname's line in the hosts file the engine writes; the hostname if none.
node_address() {
    while read -r address names; do
        for name in $names; do
            if [ "$name" = "$HIND_HEALTH_HOST" ]; then
                printf '%s' "$address"
                return 0
            fi
        done
    done < /etc/hosts
    printf '%s' "$HIND_HEALTH_HOST"
}

# jvm_opts DAEMON: its JVM options: heap, hind's JVM options and the node's
# address, then the image's own.
jvm_opts() {
    opts_var=$(daemon_value "$1" OPTS_VAR)
    heap=$(daemon_value "$1" HEAP_MB)
    eval "current=\${$opts_var:-}"
    printf '%s' "-Xmx${heap}m -Xms${heap}m $(daemon_value "$1" JVM_OPTS) -D$HIND_ADDRESS_PROPERTY=${HIND_NODE_ADDRESS:-$HIND_HEALTH_HOST}${current:+ $current}"
}

# format_namenode_once: format unless a name directory already holds a namespace
# (the NameNode formats an empty one of several itself when it starts:
# FSImage.recoverTransitionRead).
format_namenode_once() {
    for dir in $HIND_NAME_DIRS; do
        if [ -f "$dir/current/VERSION" ]; then
            log "NameNode directory $dir is formatted: keeping its data"
            return 0
        fi
    done
    for dir in $HIND_NAME_DIRS; do mkdir -p "$dir"; done
    opts="$(daemon_value namenode OPTS_VAR)=$(jvm_opts namenode)"
    if [ -n "$HIND_HA_PEER" ]; then
        # HA: an empty NameNode copies the namespace of its peer (the second at the
        # first start; either one recreated later); the first formats, with the
        # shared edits on the JournalNodes and the controllers' znode in ZooKeeper,
        # only when no peer runs and the JournalNodes hold no namespace yet (a
        # format they refuse means there is one to copy, once the peer runs).
        if [ "$HIND_HA_FIRST" = yes ] && ! port_open "${HIND_HA_PEER%:*}" "${HIND_HA_PEER##*:}"; then
            format_zookeeper &
            zk_format=$!
            for journal in $HIND_JOURNALS; do wait_for "$journal"; done
            log "formatting the NameNode in $HIND_NAME_DIRS and the shared edits on $HIND_JOURNALS"
            if env "$opts" hdfs namenode -format -nonInteractive -clusterid "CID-hind-$HIND_CLUSTER"; then
                wait "$zk_format" || :
                : > "$HIND_CONF_DIR/zk-formatted"
                return 0
            fi
            wait "$zk_format" || :
            log "the JournalNodes hold a namespace already: copying it from $HIND_HA_PEER instead"
        fi
        log "waiting for $HIND_HA_PEER to copy its namespace (bootstrapStandby)"
        wait_for "$HIND_HA_PEER"
        env "$opts" hdfs namenode -bootstrapStandby -nonInteractive
        return
    fi
    # The image's new namespace, when hind chose it (LauncherScript.namespaceTemplate):
    # hind then creates no home directory, so a label without its namespace is an
    # error, not a reason to format.
    if [ -n "$HIND_NAME_TEMPLATE" ]; then
        if [ ! -f "$HIND_NAME_TEMPLATE/current/VERSION" ]; then
            log "the image's label io.hind.namespace-template names $HIND_NAME_TEMPLATE, which holds no namespace: rebuild the image (scripts/build-offline-image --force) or remove the label"
            exit 1
        fi
        log "formatting the NameNode in $HIND_NAME_DIRS from the image's new namespace (no format JVM)"
        copy_name_template
        return 0
    fi
    log "formatting the NameNode in $HIND_NAME_DIRS"
    env "$opts" hdfs namenode -format -nonInteractive -clusterid "CID-hind-$HIND_CLUSTER"
}

# copy_name_template: what `hdfs namenode -format -clusterid CID-hind-<cluster>`
# and the home directory hind makes give, without their JVMs: the image's namespace
# (empty but for /user/<its user>) with this cluster's IDs in VERSION (its cluster
# ID, a fresh namespace ID, a block pool ID of Hadoop's form BP-<random>-<IPv4>-<ms>).
# Each directory is filled beside its final name and renamed into place, so a start
# cut short never leaves a current/ with the image's own IDs or a cut VERSION.
copy_name_template() {
    namespace=$(( $(od -An -N4 -tu4 /dev/urandom) % 2147483646 + 1 ))
    case "$HIND_NODE_ADDRESS" in
        *[!0-9.]* | '') address=127.0.0.1 ;;
        *) address=$HIND_NODE_ADDRESS ;;
    esac
    pool="BP-$(( $(od -An -N4 -tu4 /dev/urandom) % 2147483646 + 1 ))-$address-$(date +%s)000"
    for dir in $HIND_NAME_DIRS; do
        rm -rf "$dir/current.hind-new"
        cp -R "$HIND_NAME_TEMPLATE/current" "$dir/current.hind-new"
        chmod -R u+w "$dir/current.hind-new"
        sed -e "s/^namespaceID=.*/namespaceID=$namespace/" -e "s/^clusterID=.*/clusterID=CID-hind-$HIND_CLUSTER/" \
            -e "s/^blockpoolID=.*/blockpoolID=$pool/" "$HIND_NAME_TEMPLATE/current/VERSION" > "$dir/current.hind-new/VERSION"
        mv "$dir/current.hind-new" "$dir/current"
    done
}

# format_zookeeper: the failover controllers' znode in ZooKeeper (`zkfc -formatZK`),
# if missing (a first start, or a ZooKeeper whose data was lost): exit status 2 is
# Hadoop's "exists already"; anything else is retried while ZooKeeper comes up.
format_zookeeper() {
    wait_for "$HIND_ZOOKEEPER"
    zk_opts="$(daemon_value zkfc OPTS_VAR)=$(jvm_opts zkfc)"
    tries=5
    while :; do
        status=0
        env "$zk_opts" hdfs zkfc -formatZK -nonInteractive >/dev/null 2>&1 || status=$?
        case "$status" in
            0) log "formatted the failover controllers' znode in ZooKeeper"; return 0 ;;
            2) return 0 ;;
        esac
        tries=$((tries - 1))
        if [ "$tries" -le 0 ]; then
            log "zkfc -formatZK failed (status $status): the failover controller may not start"
            return 1
        fi
        sleep 1
    done
}

# run_daemon DAEMON: wait for its dependency (its port, or for a DataNode its name),
# set its heap, then become the daemon.
run_daemon() {
    dependency=$(daemon_value "$1" WAIT)
    if [ -n "$dependency" ]; then
        # Without getent, the port is the only signal a shell has.
        if [ "$(daemon_value "$1" WAIT_FOR)" = name ] && command -v getent >/dev/null 2>&1; then
            log "$1 waits for ${dependency%:*} to resolve, then reaches $dependency itself"
            wait_for_name "${dependency%:*}"
        else
            log "$1 waits for $dependency"
            wait_for "$dependency"
        fi
    fi
    opts=$(jvm_opts "$1")
    export "$(daemon_value "$1" OPTS_VAR)=$opts"
    log "starting $1 (heap $(daemon_value "$1" HEAP_MB)m)"
    case "$1" in
        namenode | datanode | journalnode) exec hdfs "$1" ;;
        # The znode, unless this launcher has just made it with the format.
        zkfc) [ -f "$HIND_CONF_DIR/zk-formatted" ] || format_zookeeper || :; exec hdfs zkfc ;;
        zookeeper) run_zookeeper ;;
        resourcemanager | nodemanager) exec yarn "$1" ;;
        historyserver) exec mapred historyserver ;;
        *) log "unknown daemon $1"; exit 2 ;;
    esac
}

# run_zookeeper: a ZooKeeper server from the jars of the image's Hadoop (every
# distribution ships ZooKeeper in common/lib), run by the `hadoop` command (its
# Java, classpath and options) with the rendered zoo.cfg and, in an ensemble,
# this server's ID.
run_zookeeper() {
    mkdir -p "$HIND_ZOOKEEPER_DATA"
    [ -z "$HIND_ZOOKEEPER_ID" ] || printf '%s\n' "$HIND_ZOOKEEPER_ID" > "$HIND_ZOOKEEPER_DATA/myid"
    exec hadoop org.apache.zookeeper.server.quorum.QuorumPeerMain "$HIND_CONF_DIR/zoo.cfg"
}

# supervise: run every daemon in the background; when one exits, stop the others and
# exit non-zero. SIGTERM and SIGINT are forwarded to all of them.
supervise() {
    pids=""
    for daemon in $HIND_DAEMONS; do
        run_daemon "$daemon" &
        pids="$pids $!"
    done
    trap 'log "stopping daemons"; kill -TERM $pids 2>/dev/null; wait; exit 143' TERM INT
    while :; do
        for pid in $pids; do
            if ! kill -0 "$pid" 2>/dev/null; then
                status=0
                wait "$pid" || status=$?
                log "a daemon (pid $pid) exited with status $status: stopping the node"
                kill -TERM $pids 2>/dev/null || true
                wait || true
                [ "$status" -ne 0 ] || status=1
                exit "$status"
            fi
        done
        sleep 1 &
        wait $! || true
    done
}

health() {
    for port in $HIND_HEALTH_PORTS; do
        port_open "$HIND_HEALTH_HOST" "$port" || exit 1
    done
}

case "${1:-run}" in
    run)
        become_user "$@"
        check_data_dir
        prepare_config
        HIND_NODE_ADDRESS=$(node_address)
        case " $HIND_DAEMONS " in *" namenode "*) format_namenode_once ;; esac
        set -- $HIND_DAEMONS
        if [ "$#" -eq 1 ]; then run_daemon "$1"; else supervise; fi
        ;;
    health) health ;;
    *) log "usage: launcher.sh [run|health]"; exit 2 ;;
esac
