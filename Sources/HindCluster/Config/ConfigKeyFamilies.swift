/// Keys Hadoop reads that a `*-default.xml` file cannot list one by one: families with a
/// user-chosen part, keys its code reads without documenting them, and old names it still
/// translates. ``ConfigCheck`` consults them after the defaults files.
public enum ConfigKeyFamilies {
    /// Documented open-ended families. `*` stands for one dot-free part, `**` for one or
    /// more parts.
    public static let patterns: [KeyPattern] = [
        // core-default.xml, "Proxy user" and FileSystem schemes (FileSystem.getFileSystemClass).
        "hadoop.proxyuser.*.hosts", "hadoop.proxyuser.*.groups", "hadoop.proxyuser.*.users",
        "fs.*.impl", "fs.*.impl.disable.cache", "fs.AbstractFileSystem.*.impl",
        // Per-port RPC settings (`ipc.8020.callqueue.impl`, core-default.xml in Hadoop 3).
        "ipc.#.**",
        // S3A per-bucket options (hadoop-aws documentation).
        "fs.s3a.bucket.*.**",
        "hadoop.security.crypto.codec.classes.**",
        "hadoop.http.authentication.**",
        // HDFS HA and federation (HDFSHighAvailabilityWithQJM.html).
        "dfs.ha.namenodes.*", "dfs.client.failover.proxy.provider.*",
        // NodeManager auxiliary services (yarn-default.xml, PluggableShuffleAndPluggableSort.html).
        "yarn.nodemanager.aux-services.*.class", "yarn.nodemanager.aux-services.*.classpath",
        "yarn.nodemanager.aux-services.*.system-classes",
        // Environment of MapReduce tasks one variable at a time (Hadoop 3.1+).
        "mapreduce.map.env.*", "mapreduce.reduce.env.*", "yarn.app.mapreduce.am.env.*",
    ].map(KeyPattern.init)

    /// The CapacityScheduler's keys: read from capacity-scheduler.xml only, which it loads
    /// after yarn-site.xml.
    public static let capacityScheduler = KeyPattern("yarn.scheduler.capacity.**")

    /// Keys that may carry a nameservice suffix, or a nameservice and a NameNode suffix
    /// (`dfs.namenode.rpc-address.ns1.nn1`): `NameNode.NAMENODE_SPECIFIC_KEYS` and
    /// `NAMESERVICE_SPECIFIC_KEYS` of Hadoop 2.7 to 3.4.
    public static let namenodeSpecific: Set<String> = [
        "dfs.namenode.rpc-address", "dfs.namenode.rpc-bind-host", "dfs.namenode.name.dir",
        "dfs.namenode.edits.dir", "dfs.namenode.shared.edits.dir", "dfs.namenode.checkpoint.dir",
        "dfs.namenode.checkpoint.edits.dir", "dfs.namenode.lifeline.rpc-address",
        "dfs.namenode.lifeline.rpc-bind-host", "dfs.namenode.servicerpc-address",
        "dfs.namenode.servicerpc-bind-host", "dfs.namenode.http-address", "dfs.namenode.https-address",
        "dfs.namenode.http-bind-host", "dfs.namenode.https-bind-host", "dfs.namenode.keytab.file",
        "dfs.namenode.secondary.http-address", "dfs.namenode.secondary.https-address",
        "dfs.secondary.namenode.keytab.file", "dfs.namenode.backup.address",
        "dfs.namenode.backup.http-address", "dfs.namenode.backup.dnrpc-address",
        "dfs.namenode.kerberos.principal", "dfs.namenode.kerberos.internal.spnego.principal",
        "dfs.ha.fencing.methods", "dfs.ha.zkfc.port", "dfs.ha.automatic-failover.enabled",
    ]

    /// Keys the code reads that some releases' defaults files do not list, each with the
    /// constant that reads it (hind sets the first ones itself).
    public static let undocumented: [HadoopDefaults.File: Set<String>] = [
        // DFSConfigKeys.DFS_CLIENT_SOCKET_TIMEOUT_KEY (read since 0.20, listed from 2.8);
        // DFS_DATANODE_HOST_NAME_KEY (DataNode.getHostName);
        // DFS_DATANODE_SOCKET_WRITE_TIMEOUT_KEY (DataNode's write timeout);
        // DFS_CLIENT_READ_PREFETCH_SIZE_KEY, DFS_NAMENODE_REPLICATION_PENDING_TIMEOUT_SEC_KEY,
        // DFS_NAMENODE_REPLICATION_MAX_STREAMS_KEY (the new names of deprecated keys);
        // DFS_JOURNALNODE_EDITS_DIR_KEY (where a JournalNode keeps the shared edits).
        .hdfs: ["dfs.client.socket-timeout", "dfs.datanode.hostname", "dfs.datanode.socket.write.timeout",
                "dfs.client.read.prefetch.size", "dfs.namenode.replication.pending.timeout-sec",
                "dfs.namenode.replication.max-streams", "dfs.journalnode.edits.dir"],
        // YarnConfiguration.YARN_LOG_SERVER_URL: the history server's log links.
        .yarn: ["yarn.log.server.url"],
        // JHAdminConfig.MR_HISTORY_BIND_HOST (since 2.5).
        .mapred: ["mapreduce.jobhistory.bind-host"],
    ]

    /// Old names Hadoop still reads as the new one (`HdfsConfiguration.addDeprecatedKeys`,
    /// `Configuration.defaultDeprecations`). hind asks for the new name: its launcher and
    /// probes read the effective configuration by the names of today.
    public static let deprecated: [String: String] = [
        "fs.default.name": "fs.defaultFS",
        "dfs.umaskmode": "fs.permissions.umask-mode",
        "topology.script.file.name": "net.topology.script.file.name",
        "topology.node.switch.mapping.impl": "net.topology.node.switch.mapping.impl",
        "hadoop.native.lib": "io.native.lib.available",
        "dfs.backup.address": "dfs.namenode.backup.address",
        "dfs.backup.http.address": "dfs.namenode.backup.http-address",
        "dfs.balance.bandwidthPerSec": "dfs.datanode.balance.bandwidthPerSec",
        "dfs.data.dir": "dfs.datanode.data.dir",
        "dfs.http.address": "dfs.namenode.http-address",
        "dfs.https.address": "dfs.namenode.https-address",
        "dfs.max.objects": "dfs.namenode.max.objects",
        "dfs.name.dir": "dfs.namenode.name.dir",
        "dfs.name.dir.restore": "dfs.namenode.name.dir.restore",
        "dfs.name.edits.dir": "dfs.namenode.edits.dir",
        "dfs.read.prefetch.size": "dfs.client.read.prefetch.size",
        "dfs.safemode.extension": "dfs.namenode.safemode.extension",
        "dfs.safemode.threshold.pct": "dfs.namenode.safemode.threshold-pct",
        "dfs.secondary.http.address": "dfs.namenode.secondary.http-address",
        "dfs.socket.timeout": "dfs.client.socket-timeout",
        "fs.checkpoint.dir": "dfs.namenode.checkpoint.dir",
        "fs.checkpoint.edits.dir": "dfs.namenode.checkpoint.edits.dir",
        "fs.checkpoint.period": "dfs.namenode.checkpoint.period",
        "heartbeat.recheck.interval": "dfs.namenode.heartbeat.recheck-interval",
        "slave.host.name": "dfs.datanode.hostname",
        "dfs.access.time.precision": "dfs.namenode.accesstime.precision",
        "dfs.replication.considerLoad": "dfs.namenode.replication.considerLoad",
        "dfs.replication.interval": "dfs.namenode.replication.interval",
        "dfs.replication.min": "dfs.namenode.replication.min",
        "dfs.replication.pending.timeout.sec": "dfs.namenode.replication.pending.timeout-sec",
        "dfs.max-repl-streams": "dfs.namenode.replication.max-streams",
        "dfs.permissions": "dfs.permissions.enabled",
        "dfs.permissions.supergroup": "dfs.permissions.superusergroup",
        "dfs.write.packet.size": "dfs.client-write-packet-size",
        "dfs.block.size": "dfs.blocksize",
        "dfs.datanode.max.xcievers": "dfs.datanode.max.transfer.threads",
        "io.bytes.per.checksum": "dfs.bytes-per-checksum",
        "dfs.federation.nameservices": "dfs.nameservices",
        "dfs.federation.nameservice.id": "dfs.nameservice.id",
        "mapred.reduce.tasks": "mapreduce.job.reduces",
        "mapred.map.tasks": "mapreduce.job.maps",
        "mapred.job.queue.name": "mapreduce.job.queuename",
    ]

    /// Whether `key` of a family a defaults file cannot list is one Hadoop reads, given
    /// the keys `known` of the file it is set in.
    public static func admits(_ key: String, known: (String) -> Bool) -> Bool {
        if patterns.contains(where: { $0.matches(key) }) { return true }
        // `KEY.ns` or `KEY.ns.nn` of a NameNode-specific key.
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        for suffix in 1...2 where parts.count > suffix + 1 {
            if namenodeSpecific.contains(parts.dropLast(suffix).joined(separator: ".")) { return true }
        }
        // ResourceManager HA: `yarn.resourcemanager.address.rm1` (YarnConfiguration.getServiceAddressConfKeys, HAUtil).
        if key.hasPrefix("yarn.resourcemanager."), parts.count > 3,
           known(parts.dropLast().joined(separator: ".")) {
            return true
        }
        return false
    }
}

/// A key pattern: literal dot-separated parts, `*` for one part, `#` for one part of
/// digits, `**` for one or more parts.
/// A part of a defaults file's own key in capitals (`dfs.ha.namenodes.EXAMPLENAMESERVICE`)
/// or brackets (`ipc.[port_number].backoff.enable`) is a placeholder too, for one or more
/// parts (`hadoop.security.crypto.codec.classes.aes.ctr.nopadding`).
public struct KeyPattern: Hashable, Sendable, CustomStringConvertible {
    public let parts: [String]

    public init(_ text: String) {
        parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// The pattern a documented key stands for, or nil when it has no placeholder.
    public init?(placeholdersIn key: String) {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).map { part -> String in
            let isBracketed = part.hasPrefix("[") && part.hasSuffix("]")
            let isCapitals = part.count >= 4 && part.allSatisfy { $0.isUppercase || $0 == "_" || $0.isNumber }
                && part.contains(where: \.isLetter)
            return isBracketed || isCapitals ? "**" : String(part)
        }
        guard parts.contains("**") else { return nil }
        self.parts = parts
    }

    public var description: String { parts.joined(separator: ".") }

    public func matches(_ key: String) -> Bool {
        Self.match(parts[...], key.split(separator: ".", omittingEmptySubsequences: false)[...])
    }

    private static func match(_ pattern: ArraySlice<String>, _ key: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return key.isEmpty }
        guard let part = key.first else { return false }
        switch head {
        case "**":
            // One part, then the rest of the pattern against any longer tail.
            var tail = key.dropFirst()
            while true {
                if match(pattern.dropFirst(), tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        case "*": return !part.isEmpty && match(pattern.dropFirst(), key.dropFirst())
        case "#": return !part.isEmpty && part.allSatisfy(\.isNumber) && match(pattern.dropFirst(), key.dropFirst())
        default: return head == part && match(pattern.dropFirst(), key.dropFirst())
        }
    }
}
