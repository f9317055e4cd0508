/// The `*-site.xml` properties of a cluster: hind's dev-cluster defaults, then the user's
/// overrides in order (a later one wins).
///
/// Every node gets the same files; a daemon ignores the keys that are not its own.
public struct HadoopConfiguration: Hashable, Sendable {
    public private(set) var files: [HadoopConfigFile: [HadoopProperty]]

    public init(topology: Topology) {
        files = Self.hindDefaults(topology: topology)
        for override in topology.spec.overrides { set(override) }
    }

    /// hind's own properties for each file, before the user's overrides.
    public static func hindDefaults(topology: Topology) -> [HadoopConfigFile: [HadoopProperty]] {
        let spec = topology.spec
        var files: [HadoopConfigFile: [HadoopProperty]] = [
            .coreSite: coreSite(spec),
            .hdfsSite: hdfsSite(spec),
        ]
        if spec.hasYARN {
            let yarn = YARNMemory(nodeManagerMB: topology.workers.first?.memory.yarnMemoryMB ?? MemoryPlan.minimumYARNMemoryMB)
            files[.yarnSite] = yarnSite(spec, memory: yarn)
            files[.mapredSite] = mapredSite(spec, memory: yarn)
            files[.capacityScheduler] = capacityScheduler()
        }
        return files
    }

    /// The value a file sets for `key`, if any.
    public func value(_ key: String, in file: HadoopConfigFile) -> String? {
        files[file]?.first { $0.name == key }?.value
    }

    /// Each file as XML, in canonical order.
    public func rendered(cluster: ClusterName) -> [(file: HadoopConfigFile, xml: String)] {
        files.keys.sorted().map { file in
            (file, HadoopXML.document(
                files[file]!, comment: "\(file.fileName) of hind cluster '\(cluster)'. Rendered by hind; edits are overwritten."))
        }
    }

    private mutating func set(_ override: ConfigOverride) {
        var properties = files[override.file] ?? []
        if let index = properties.firstIndex(where: { $0.name == override.key }) {
            properties[index].value = override.value
        } else {
            properties.append(HadoopProperty(override.key, override.value))
        }
        files[override.file] = properties
    }

    // MARK: Defaults

    static func coreSite(_ spec: ClusterSpec) -> [HadoopProperty] {
        // With racks, the NameNode (and YARN) ask hind's script where each node is.
        let racks = spec.racks == nil ? [] : [HadoopProperty("net.topology.script.file.name", RackTopologyScript.path)]
        let defaultFS = spec.ha == nil ? "hdfs://\(Topology.namenode):\(spec.ports.namenodeRPC)" : "hdfs://\(HAConfiguration.nameservice(spec))"
        return [
            HadoopProperty("fs.defaultFS", defaultFS),
            HadoopProperty("hadoop.tmp.dir", "\(spec.image.dataDirectory)/tmp"),
            // A DataNode starts before the NameNode listens and retries until it does: every
            // 100 ms rather than every second, over the same 10 s before a call fails.
            HadoopProperty("ipc.client.connect.retry.interval", "100"),
            HadoopProperty("ipc.client.connect.max.retries", "100"),
        ] + racks + (spec.ha.map { HAConfiguration.coreSite(spec, $0) } ?? [])
    }

    static func hdfsSite(_ spec: ClusterSpec) -> [HadoopProperty] {
        let ports = spec.ports
        let data = spec.image.dataDirectory
        return [
            HadoopProperty("dfs.replication", String(spec.replication)),
            HadoopProperty("dfs.namenode.name.dir", "file://" + StorageDirectories.defaultNameDirectory(dataDirectory: data)),
            HadoopProperty("dfs.datanode.data.dir", "file://" + StorageDirectories.defaultDataDirectory(dataDirectory: data)),
        ] + (spec.ha.map { HAConfiguration.hdfsSite(spec, $0) } ?? [
            HadoopProperty("dfs.namenode.rpc-address", "\(Topology.namenode):\(ports.namenodeRPC)"),
            HadoopProperty("dfs.namenode.http-address", "0.0.0.0:\(ports.namenodeHTTP)"),
        ]) + [
            // Bind every interface so the ports published on the host reach the daemons.
            HadoopProperty("dfs.namenode.rpc-bind-host", "0.0.0.0"),
            HadoopProperty("dfs.datanode.address", "0.0.0.0:\(ports.datanodeData)"),
            HadoopProperty("dfs.datanode.http.address", "0.0.0.0:\(ports.datanodeHTTP)"),
            HadoopProperty("dfs.datanode.ipc.address", "0.0.0.0:\(ports.datanodeIPC)"),
            // Each DataNode registers with its address on the cluster network (the
            // launcher passes it as a system property), not its name: the host cannot
            // resolve `worker-1`, but reaches its address (Linux) for block I/O and
            // WebHDFS redirects, and so do the other nodes.
            HadoopProperty("dfs.datanode.hostname", "${\(LauncherScript.addressProperty)}"),
            // Container IPs have no reverse DNS entry matching the hostname.
            HadoopProperty("dfs.namenode.datanode.registration.ip-hostname-check", "false"),
            // A dev cluster leaves safe mode as soon as its blocks are reported.
            HadoopProperty("dfs.namenode.safemode.extension", "0"),
            // Declare a DataNode dead after ~40 s instead of 10.5 min.
            HadoopProperty("dfs.namenode.heartbeat.recheck-interval", "5000"),
            clientSocketTimeout,
            HadoopProperty("dfs.permissions.enabled", "false"),
            HadoopProperty("dfs.webhdfs.enabled", "true"),
            // The DataNodes `hind scale` decommissions: an empty file the NameNode reads at
            // start, rewritten in its runtime config before `dfsadmin -refreshNodes`.
            HadoopProperty("dfs.hosts.exclude", DecommissionFiles.hdfsPath),
            // A decommission's progress checked every second instead of 30, and blocks
            // scheduled for re-replication every second instead of 3: `hind scale` down
            // waits seconds, not minutes, on a small cluster (BENCHMARKS.md).
            HadoopProperty("dfs.namenode.decommission.interval", "1"),
            // Hadoop 3 renamed the key (it still reads the old one, with a warning).
            HadoopProperty(spec.hadoopVersion == .v3 ? "dfs.namenode.redundancy.interval.seconds" : "dfs.namenode.replication.interval", "1"),
        ]
    }

    /// A read that meets a DataNode gone since it was listed (a killed worker) moves to
    /// the next replica after 5 s instead of Hadoop's 60: the same key bounds the connect,
    /// which to a removed container's address never completes (BENCHMARKS.md). Idle write
    /// pipelines send heartbeats at half of it, and the DataNodes' own pipeline timeouts
    /// add 5 s per downstream node, so a loaded 2-core machine keeps its margin.
    public static let clientSocketTimeout = HadoopProperty("dfs.client.socket-timeout", "5000")

    static func yarnSite(_ spec: ClusterSpec, memory: YARNMemory) -> [HadoopProperty] {
        let ports = spec.ports
        let data = spec.image.dataDirectory
        var properties = (spec.ha.map { HAConfiguration.yarnSite(spec, $0) } ?? [
            HadoopProperty("yarn.resourcemanager.hostname", Topology.resourcemanager),
        ]) + [
            HadoopProperty("yarn.resourcemanager.bind-host", "0.0.0.0"),
            HadoopProperty("yarn.nodemanager.bind-host", "0.0.0.0"),
            HadoopProperty("yarn.nodemanager.address", "0.0.0.0:\(ports.nodemanagerIPC)"),
            HadoopProperty("yarn.nodemanager.aux-services", "mapreduce_shuffle"),
            HadoopProperty("yarn.nodemanager.aux-services.mapreduce_shuffle.class", "org.apache.hadoop.mapred.ShuffleHandler"),
            HadoopProperty("yarn.nodemanager.resource.memory-mb", String(memory.nodeManagerMB)),
            HadoopProperty("yarn.nodemanager.resource.cpu-vcores", "2"),
            HadoopProperty("yarn.scheduler.minimum-allocation-mb", String(YARNMemory.minimumAllocationMB)),
            HadoopProperty("yarn.scheduler.maximum-allocation-mb", String(memory.nodeManagerMB)),
            // Containers' virtual memory is meaningless under a cgroup limit.
            HadoopProperty("yarn.nodemanager.vmem-check-enabled", "false"),
            // A developer's disk is often more than 90% full (the default limit), which
            // would turn every NodeManager unhealthy: only a full disk counts.
            HadoopProperty("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", "100.0"),
            HadoopProperty("yarn.nodemanager.disk-health-checker.min-free-space-per-disk-mb", "0"),
            HadoopProperty("yarn.nodemanager.local-dirs", "\(data)/yarn/local"),
            HadoopProperty("yarn.nodemanager.log-dirs", "\(data)/yarn/logs"),
            // The NodeManagers `hind scale` decommissions (`yarn rmadmin -refreshNodes`).
            HadoopProperty("yarn.resourcemanager.nodes.exclude-path", DecommissionFiles.yarnPath),
        ]
        if spec.components.contains(.history) {
            properties += [
                HadoopProperty("yarn.log-aggregation-enable", "true"),
                HadoopProperty("yarn.log.server.url", "http://\(Topology.historyserver):\(ports.historyWeb)/jobhistory/logs"),
            ]
        }
        return properties
    }

    static func mapredSite(_ spec: ClusterSpec, memory: YARNMemory) -> [HadoopProperty] {
        let ports = spec.ports
        // Hadoop 3 no longer puts MapReduce on the task classpath by itself.
        let mapredHome = "HADOOP_MAPRED_HOME=${HADOOP_HOME}"
        var properties = [
            HadoopProperty("mapreduce.framework.name", "yarn"),
            HadoopProperty("yarn.app.mapreduce.am.env", mapredHome),
            HadoopProperty("mapreduce.map.env", mapredHome),
            HadoopProperty("mapreduce.reduce.env", mapredHome),
            HadoopProperty("yarn.app.mapreduce.am.resource.mb", String(memory.applicationMasterMB)),
            HadoopProperty("yarn.app.mapreduce.am.command-opts", "-Xmx\(memory.applicationMasterHeapMB)m"),
            HadoopProperty("mapreduce.map.memory.mb", String(memory.taskMB)),
            HadoopProperty("mapreduce.reduce.memory.mb", String(memory.taskMB)),
            HadoopProperty("mapreduce.map.java.opts", "-Xmx\(memory.taskHeapMB)m"),
            HadoopProperty("mapreduce.reduce.java.opts", "-Xmx\(memory.taskHeapMB)m"),
            HadoopProperty("mapreduce.task.io.sort.mb", String(memory.sortBufferMB)),
        ]
        if spec.components.contains(.history) {
            properties += [
                HadoopProperty("mapreduce.jobhistory.address", "\(Topology.historyserver):\(ports.historyRPC)"),
                HadoopProperty("mapreduce.jobhistory.webapp.address", "\(Topology.historyserver):\(ports.historyWeb)"),
                HadoopProperty("mapreduce.jobhistory.bind-host", "0.0.0.0"),
            ]
        } else {
            // Empty: job clients then skip the history server instead of retrying the
            // default 0.0.0.0:10020 after every job.
            properties.append(HadoopProperty("mapreduce.jobhistory.address", ""))
        }
        return properties
    }

    /// One queue, `default`, with all the capacity. Applications masters may take half of
    /// it (the stock 10% leaves a small cluster room for one AM: a second job waits).
    static func capacityScheduler() -> [HadoopProperty] {
        [
            HadoopProperty("yarn.scheduler.capacity.root.queues", "default"),
            HadoopProperty("yarn.scheduler.capacity.root.default.capacity", "100"),
            HadoopProperty("yarn.scheduler.capacity.root.default.maximum-capacity", "100"),
            HadoopProperty("yarn.scheduler.capacity.root.default.state", "RUNNING"),
            HadoopProperty("yarn.scheduler.capacity.root.default.user-limit-factor", "1"),
            HadoopProperty("yarn.scheduler.capacity.root.default.acl_submit_applications", "*"),
            HadoopProperty("yarn.scheduler.capacity.root.default.acl_administer_queue", "*"),
            HadoopProperty("yarn.scheduler.capacity.maximum-applications", "10000"),
            HadoopProperty("yarn.scheduler.capacity.maximum-am-resource-percent", String(YARNMemory.applicationMasterShare)),
            HadoopProperty("yarn.scheduler.capacity.resource-calculator", "org.apache.hadoop.yarn.util.resource.DefaultResourceCalculator"),
            // No waiting for a data-local node: every node of a dev cluster is close by.
            HadoopProperty("yarn.scheduler.capacity.node-locality-delay", "-1"),
        ]
    }
}
