/// The POSIX sh program each container runs as its entry point.
///
/// Everything node-specific is a single-quoted assignment at the top; the body below is
/// the same for every node and never interpolates rendered text, so no value can reach
/// the shell as code.
///
/// `launcher.sh run` (the default) starts as root when the daemons run as another user:
/// it gives the node's data directory (and storage directories outside it) to that user and runs itself again as that user,
/// with no capability left. It then prepares the config (the image's, found with or
/// without `HADOOP_HOME`, overlaid with hind's), waits for the daemons this node
/// depends on (a DataNode only for its NameNode's name, see `waitsForNameOnly`), formats the NameNode when its directory is empty, and runs the daemons in
/// the foreground: a single daemon replaces the shell; two are supervised, the container
/// exiting non-zero when either dies and SIGTERM reaching both.
/// `launcher.sh health` exits 0 once every daemon of the node listens on its port.
public enum LauncherScript {
    /// Where the launcher and the rendered `*-site.xml` files live in a container.
    public static let directory = "/hind"
    public static let path = "/hind/launcher.sh"
    public static let renderedConfigDirectory = "/hind/conf"
    /// The image's new namespace (``ImageProfile/namespaceTemplate``) a new NameNode
    /// copies instead of running a format JVM, when that gives the file system a format
    /// and hind's home directory would:
    /// - made by the user the daemons run as (the owner of the root and of its home);
    /// - not with HA (the shared edits and the standby's copy need Hadoop's own format);
    /// - not under a `--dist` (another Hadoop, maybe another layout version);
    /// - not with a configured superuser group (a format makes it the root's group) or
    ///   edits directories of their own (a format fills them; the copy fills only the
    ///   name directories).
    public static func namespaceTemplate(for spec: ClusterSpec) -> String? {
        guard let template = spec.image.namespaceTemplate, let owner = spec.image.namespaceTemplateUser,
              spec.image.userName == owner, spec.ha == nil, spec.distribution == nil,
              !spec.overrides.contains(where: { formatKeys.contains($0.key) })
        else { return nil }
        return template
    }

    /// Keys (and their deprecated names) whose value a format writes into the namespace.
    static let formatKeys: Set<String> = [
        "dfs.permissions.superusergroup", "dfs.permissions.supergroup",
        "dfs.namenode.edits.dir", "dfs.name.edits.dir", "dfs.namenode.shared.edits.dir", "dfs.name.dir",
    ]
    /// The config directory daemons and `hdfs` commands read: the image's defaults
    /// (log4j, scheduler) overlaid with hind's files. Set as `HADOOP_CONF_DIR` on the container.
    public static let runtimeConfigDirectory = "/tmp/hind/conf"
    /// JVM options of every daemon (and of the NameNode's format), before the image's own
    /// `*_OPTS`, which can override them. On a dev cluster start-up dominates: the C1
    /// compiler alone compiles far less during start-up than C1 + C2 (about 40% less CPU
    /// per JVM on 2 cores, BENCHMARKS.md), and the serial collector adds no GC threads to
    /// compete with the other daemons for the host's cores.
    public static let jvmOptions = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    /// ``jvmOptions`` plus what one daemon needs. A NameNode's young generation is a
    /// twelfth of its heap instead of a third. With `-Xms` = `-Xmx`, a third is 340 MiB at
    /// the default memory, and a NameNode fills it with the garbage of its DataNodes'
    /// registrations and reports before its first collection, all of it resident. A
    /// twelfth (85 MiB) bounds that: at 50 workers the NameNode held 336 MiB once ready
    /// with a third and 157 MiB with a twelfth, at the price of about 20 MiB more in a
    /// small cluster, which collects once during its start (BENCHMARKS.md).
    public static func jvmOptions(for daemon: Daemon) -> [String] {
        daemon == .namenode ? jvmOptions + ["-XX:NewRatio=11"] : jvmOptions
    }
    /// Seconds between two probes of a dependency's port.
    static let waitInterval = "0.1"
    /// The JVM system property every daemon gets with its node's address on the cluster
    /// network, read by `dfs.datanode.hostname` (``HadoopConfiguration``): a DataNode
    /// registers with an address rather than a name only the cluster resolves, so the
    /// block locations and WebHDFS redirects the NameNode hands out reach it from the
    /// host too (where container addresses are routable: Linux).
    public static let addressProperty = "hind.node.address"

    /// Whether `daemon` starts once its dependency's name resolves rather than once its
    /// port listens. A DataNode's JVM spends a second or more of CPU before it first calls
    /// the NameNode, and then retries the call itself (every 100 ms,
    /// `ipc.client.connect.retry.interval`): started at once, it gets through its own
    /// start-up while the NameNode formats and starts. It must not start before the name
    /// resolves: it would keep the unresolved address for good.
    /// With ResourceManager HA a NodeManager too: the standby ResourceManager does not
    /// listen on its tracker port, and which one is active is the election's choice.
    static func waitsForNameOnly(_ daemon: Daemon, ha: Bool = false) -> Bool {
        daemon == .datanode || (ha && daemon == .nodemanager)
    }

    /// The storage directories of the node's daemons, which the launcher creates and gives
    /// to the daemons' user (they may lie outside the volume when overridden).
    static func ownedDirectories(of node: Node, storage: StorageDirectories) -> [String] {
        (node.runs(.namenode) ? storage.nameDirectories : []) + (node.runs(.datanode) ? storage.dataDirectories : [])
    }

    /// What an HA node's launcher needs (empty for every other node, so the body can read
    /// them): a NameNode's peer and whether it is the one that formats, the JournalNodes
    /// and ZooKeeper it waits for before formatting; a ZooKeeper server's ID and data.
    static func haValues(node: Node, spec: ClusterSpec) -> [(String, String)] {
        var peer = "", first = "", journals = "", zookeeper = "", zookeeperID = ""
        if let ha = spec.ha {
            let ports = spec.ports
            if node.runs(.namenode), let index = HighAvailability.namenodes.firstIndex(of: node.name) {
                peer = "\(HighAvailability.namenodes[1 - index]):\(ports.namenodeRPC)"
                first = index == 0 ? "yes" : ""
                journals = HighAvailability.journals.map { "\($0):\(ports.journalnodeRPC)" }.joined(separator: " ")
                zookeeper = "\(ha.zookeeperNodes[0]):\(ports.zookeeperClient)"
            }
            if node.runs(.zookeeper), ha.zookeepers > 1, let index = ha.zookeeperNodes.firstIndex(of: node.name) {
                zookeeperID = String(index + 1)
            }
        }
        return [
            ("HIND_HA_PEER", peer), ("HIND_HA_FIRST", first), ("HIND_JOURNALS", journals),
            ("HIND_ZOOKEEPER", zookeeper), ("HIND_ZOOKEEPER_ID", zookeeperID),
            ("HIND_ZOOKEEPER_DATA", HAConfiguration.zookeeperData(spec)),
        ]
    }

    public static func render(node: Node, topology: Topology) -> String {
        let spec = topology.spec
        var values: [(String, String)] = [
            ("HIND_CLUSTER", spec.name.rawValue),
            ("HIND_NODE", node.name),
            ("HIND_DAEMONS", node.daemons.map(\.rawValue).joined(separator: " ")),
            // The node probes itself by hostname, as its peers reach it.
            ("HIND_HEALTH_HOST", node.hostname),
            ("HIND_HEALTH_PORTS", node.healthPorts.map(String.init).joined(separator: " ")),
            ("HIND_WAIT_TIMEOUT", String(spec.dependencyTimeoutSeconds)),
            ("HIND_RUN_AS", spec.image.user ?? ""),
            ("HIND_DATA_DIR", spec.image.dataDirectory),
            // The NameNode is formatted when none of its name directories is.
            ("HIND_NAME_DIRS", spec.storage.nameDirectories.joined(separator: " ")),
            ("HIND_NAME_TEMPLATE", namespaceTemplate(for: spec) ?? ""),
            ("HIND_OWN_DIRS", ownedDirectories(of: node, storage: spec.storage).joined(separator: " ")),
            ("HIND_RENDERED_CONF", renderedConfigDirectory),
            ("HIND_CONF_DIR", runtimeConfigDirectory),
            ("HIND_WAIT_INTERVAL", waitInterval),
            ("HIND_ADDRESS_PROPERTY", addressProperty),
        ] + haValues(node: node, spec: spec)
        for daemon in node.daemons {
            let upper = daemon.rawValue.uppercased()
            values.append(("HIND_\(upper)_WAIT", node.dependencies[daemon]?.description ?? ""))
            values.append(("HIND_\(upper)_WAIT_FOR", waitsForNameOnly(daemon, ha: spec.ha != nil) ? "name" : "port"))
            values.append(("HIND_\(upper)_OPTS_VAR", daemon.optionsVariable(for: spec.hadoopVersion)))
            values.append(("HIND_\(upper)_HEAP_MB", String(node.memory.heapMB[daemon] ?? 0)))
            values.append(("HIND_\(upper)_JVM_OPTS", jvmOptions(for: daemon).joined(separator: " ")))
        }
        let header = values.map { ShellQuote.assignment($0.0, $0.1) }.joined(separator: "\n")
        return """
            #!/bin/sh
            # hind launcher for node '\(node.name)' of cluster '\(spec.name)'.
            # Rendered by hind; edits are overwritten. Usage: launcher.sh [run|health]
            set -eu

            \(header)

            \(body)
            """
    }

    /// The node-independent part. Kept free of Swift interpolation on purpose.
    static let body = #"""
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

        """#
}
