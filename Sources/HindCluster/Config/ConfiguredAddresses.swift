import Foundation

/// The ports and storage directories of a cluster as its configuration sets them: the
/// release line's defaults, then the user's overrides of the address and directory keys.
/// hind's launchers, health checks, published ports and readiness probes all read them
/// from here, so overriding a key moves every one of them with the daemon.
///
/// An override hind cannot follow is refused up front with the reason: a host other
/// than the one peers reach the daemon by, port 0 (chosen at random when the daemon
/// starts, so nothing can probe or publish it), two daemons of a node on one port, a
/// directory that is not a local absolute path.
public struct ConfiguredAddresses: Equatable, Sendable {
    public var ports: PortTable
    public var storage: StorageDirectories
    /// The first override found that hind cannot honour.
    public var problem: SpecError?

    /// One address key hind follows.
    struct AddressKey {
        var key: String
        var file: HadoopConfigFile
        var daemon: Daemon
        var port: WritableKeyPath<PortTable, Int>
        /// Hosts the value may name: the daemon's hostname and its `${…}` spelling, and
        /// `0.0.0.0` where the key sets where the daemon binds rather than where peers dial.
        var hosts: Set<String>
    }

    static var addressKeys: [AddressKey] {
        let rm: Set<String> = [Topology.resourcemanager, "${yarn.resourcemanager.hostname}"]
        let nm: Set<String> = ["0.0.0.0", "${yarn.nodemanager.hostname}"]
        return [
            AddressKey(key: "dfs.namenode.rpc-address", file: .hdfsSite, daemon: .namenode, port: \.namenodeRPC, hosts: [Topology.namenode]),
            AddressKey(key: "dfs.namenode.http-address", file: .hdfsSite, daemon: .namenode, port: \.namenodeHTTP, hosts: [Topology.namenode, "0.0.0.0"]),
            // One value for every worker: only the wildcard names them all.
            AddressKey(key: "dfs.datanode.address", file: .hdfsSite, daemon: .datanode, port: \.datanodeData, hosts: ["0.0.0.0"]),
            AddressKey(key: "dfs.datanode.http.address", file: .hdfsSite, daemon: .datanode, port: \.datanodeHTTP, hosts: ["0.0.0.0"]),
            AddressKey(key: "dfs.datanode.ipc.address", file: .hdfsSite, daemon: .datanode, port: \.datanodeIPC, hosts: ["0.0.0.0"]),
            AddressKey(key: "yarn.resourcemanager.webapp.address", file: .yarnSite, daemon: .resourcemanager, port: \.resourcemanagerWeb, hosts: rm.union(["0.0.0.0"])),
            AddressKey(key: "yarn.resourcemanager.address", file: .yarnSite, daemon: .resourcemanager, port: \.resourcemanagerClient, hosts: rm),
            AddressKey(key: "yarn.resourcemanager.scheduler.address", file: .yarnSite, daemon: .resourcemanager, port: \.resourcemanagerScheduler, hosts: rm),
            AddressKey(key: "yarn.resourcemanager.resource-tracker.address", file: .yarnSite, daemon: .resourcemanager, port: \.resourcemanagerTracker, hosts: rm),
            AddressKey(key: "yarn.resourcemanager.admin.address", file: .yarnSite, daemon: .resourcemanager, port: \.resourcemanagerAdmin, hosts: rm),
            AddressKey(key: "yarn.nodemanager.address", file: .yarnSite, daemon: .nodemanager, port: \.nodemanagerIPC, hosts: nm),
            AddressKey(key: "yarn.nodemanager.webapp.address", file: .yarnSite, daemon: .nodemanager, port: \.nodemanagerWeb, hosts: nm),
            AddressKey(key: "mapreduce.jobhistory.address", file: .mapredSite, daemon: .historyserver, port: \.historyRPC, hosts: [Topology.historyserver]),
            AddressKey(key: "mapreduce.jobhistory.webapp.address", file: .mapredSite, daemon: .historyserver, port: \.historyWeb, hosts: [Topology.historyserver, "0.0.0.0"]),
        ]
    }

    /// Every key hind follows, with the one site file it reads it from: a value elsewhere
    /// would reach some daemons and not hind's launchers and probes.
    public static var followedKeys: [String: HadoopConfigFile] {
        var keys = Dictionary(addressKeys.map { ($0.key, $0.file) }) { first, _ in first }
        keys["fs.defaultFS"] = .coreSite
        keys["hadoop.tmp.dir"] = .coreSite
        keys["dfs.namenode.name.dir"] = .hdfsSite
        keys["dfs.datanode.data.dir"] = .hdfsSite
        return keys
    }

    /// HDFS's port when `fs.defaultFS` names none (`HdfsClientConfigKeys.DFS_NAMENODE_RPC_PORT_DEFAULT`).
    static let defaultFSPort = 8020

    public init(version: HadoopMajorVersion, components: Set<Component>, overrides: [ConfigOverride], dataDirectory: String,
                ha: Bool = false) {
        var ports = version.ports
        var problem: SpecError?
        func refuse(_ override: ConfigOverride, _ reason: String) {
            if problem == nil { problem = .unsupportedOverride("\(override.flag) \(override.description)", reason: reason) }
        }
        // The last override of each key in the file Hadoop reads it from wins.
        func last(_ key: String, in file: HadoopConfigFile) -> ConfigOverride? {
            overrides.last { $0.key == key && $0.file == file }
        }
        // With HA the NameNodes' addresses are the nameservice's, each NameNode's own, and
        // the ResourceManagers' derive from their host names (rm1, rm2) and Hadoop's ports.
        if ha, let override = overrides.last(where: { ["dfs.namenode.rpc-address", "dfs.namenode.http-address", "fs.defaultFS"].contains($0.key) }) {
            refuse(override, "with --ha each NameNode's address is the nameservice's (dfs.namenode.rpc-address.NAME.nn1 …) and fs.defaultFS is hdfs://NAME, both set by hind")
        }
        if ha, let override = overrides.last(where: { $0.key.hasPrefix("yarn.resourcemanager.") && $0.key.hasSuffix("address") }) {
            refuse(override, "with --ha the ResourceManagers' addresses follow their host names (yarn.resourcemanager.hostname.rm1 …) and Hadoop's ports")
        }
        for address in Self.addressKeys {
            guard let override = last(address.key, in: address.file) else { continue }
            let hosts = address.hosts.sorted()
            let exampleHost = hosts.first { !$0.hasPrefix("$") } ?? hosts[0]
            switch Self.hostAndPort(override.value, example: exampleHost) {
            case let .failure(reason): refuse(override, reason.description)
            case let .success((host, port)):
                if !address.hosts.contains(host) {
                    refuse(override, "hind's nodes reach this daemon as \(hosts.map { "'\($0)'" }.joined(separator: " or ")), not '\(host)'; use e.g. \(exampleHost):\(port)")
                } else {
                    ports[keyPath: address.port] = port
                }
            }
        }
        if let override = last("fs.defaultFS", in: .coreSite) {
            switch Self.defaultFSPort(override.value) {
            case let .failure(reason): refuse(override, reason.description)
            case let .success(port):
                if let rpc = last("dfs.namenode.rpc-address", in: .hdfsSite), ports.namenodeRPC != port {
                    refuse(override, "its port \(port) differs from \(rpc.description); give both the same port, or only one of them")
                }
                ports.namenodeRPC = port
            }
        }
        // Two listeners of one node on one port: the second could not bind.
        for node in [[Daemon.namenode], [.datanode, .nodemanager], [.resourcemanager], [.historyserver]] {
            var seen: [Int: String] = [:]
            for address in Self.addressKeys where node.contains(address.daemon) && components.contains(address.daemon.component) {
                let port = ports[keyPath: address.port]
                if let other = seen[port], let override = overrides.last(where: { [other, address.key].contains($0.key) }) {
                    refuse(override, "\(other) and \(address.key) would both listen on port \(port) of one node; choose another port")
                }
                seen[port] = address.key
            }
        }
        let storage = StorageDirectories(overrides: overrides, dataDirectory: dataDirectory)
        if problem == nil { problem = storage.problem }
        self.ports = ports
        self.storage = storage
        self.problem = problem
    }

    /// `host:port` with a fixed port; `example` is the host the message suggests.
    static func hostAndPort(_ value: String, example: String) -> Result<(String, Int), AddressError> {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.lastIndex(of: ":"), let port = Int(trimmed[trimmed.index(after: colon)...]) else {
            return .failure(AddressError("use HOST:PORT with a fixed port, e.g. \(example):9000"))
        }
        guard (1...65535).contains(port) else {
            return .failure(AddressError(port == 0
                ? "port 0 is chosen at random when the daemon starts, so hind could neither probe nor publish it; use a fixed port"
                : "port \(port) is out of range 1-65535"))
        }
        return .success((String(trimmed[..<colon]), port))
    }

    /// The port of `hdfs://namenode[:PORT][/]`.
    static func defaultFSPort(_ value: String) -> Result<Int, AddressError> {
        let prefix = "hdfs://\(Topology.namenode)"
        var rest = Substring(value.trimmingCharacters(in: .whitespaces))
        guard rest.hasPrefix(prefix) else {
            return .failure(AddressError("hind's DataNodes and probes need HDFS on its NameNode: use \(prefix):PORT"))
        }
        rest = rest.dropFirst(prefix.count)
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        if rest.isEmpty { return .success(defaultFSPort) }
        guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()), (1...65535).contains(port) else {
            return .failure(AddressError("use \(prefix):PORT with a port from 1 to 65535"))
        }
        return .success(port)
    }

    struct AddressError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
