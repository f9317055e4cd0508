import DockerEngine
import HindCluster

/// Fixed addresses for an HA cluster's NameNodes, JournalNodes, ZooKeeper servers (and
/// ResourceManagers), so their names keep resolving while one is down: a stopped
/// container's name leaves the engine's DNS, and Hadoop 2.7's failover client then gives
/// up on the nameservice instead of trying the other NameNode, ZooKeeper 3.4.6's client
/// fails on an unresolvable server of the quorum string (ZOOKEEPER-1576), and the
/// quorum journal client and ZooKeeper's servers resolve their peers once. Every
/// container gets all their names in its hosts file.
///
/// The network's subnet is the engine's own choice, given back to it explicitly (fixed
/// addresses need a subnet given at creation); the engine hands out the lower half and
/// these nodes take the first addresses of the upper half.
struct FixedAddresses: Hashable, Sendable {
    /// Node name → address.
    var addresses: [String: String]

    /// `namenode-1:ADDRESS` … for `ExtraHosts`.
    var hostsEntries: [String] { addresses.keys.sorted().map { "\($0):\(addresses[$0]!)" } }

    /// The addresses of `nodes` in `pool`, or nil when the pool is too small or not IPv4.
    init?(pool: IPAMPool, nodes: [String]) {
        guard let subnet = IPv4Subnet(pool.subnet), subnet.prefix <= 24 else { return nil }
        var addresses: [String: String] = [:]
        for (offset, node) in nodes.enumerated() {
            addresses[node] = IPv4Subnet.format(subnet.upperHalf.base + UInt32(offset + 1))
        }
        self.addresses = addresses
    }

    /// The nodes of `topology` that get a fixed address: every HA node but the workers.
    static func nodes(of topology: Topology) -> [String] {
        topology.spec.ha == nil ? [] : topology.nodes.filter { !$0.runs(.datanode) && !$0.runs(.historyserver) }.map(\.name)
    }

    /// The pool to create the network with: `pool`'s subnet and gateway, addresses
    /// handed out from its lower half.
    static func pool(from pool: IPAMPool) -> IPAMPool? {
        guard let subnet = IPv4Subnet(pool.subnet), subnet.prefix <= 24 else { return nil }
        return IPAMPool(subnet: pool.subnet, gateway: pool.gateway, ipRange: subnet.lowerHalf.description)
    }
}

/// An IPv4 subnet, `a.b.c.d/n`.
struct IPv4Subnet: Hashable, Sendable, CustomStringConvertible {
    var base: UInt32
    var prefix: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let prefix = Int(parts[1]), (0...32).contains(prefix),
              let address = Self.parse(String(parts[0])) else { return nil }
        let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << (32 - prefix)
        self.base = address & mask
        self.prefix = prefix
    }

    init(base: UInt32, prefix: Int) {
        self.base = base
        self.prefix = prefix
    }

    var lowerHalf: IPv4Subnet { IPv4Subnet(base: base, prefix: prefix + 1) }
    var upperHalf: IPv4Subnet { IPv4Subnet(base: base | (UInt32(1) << (31 - prefix)), prefix: prefix + 1) }

    var description: String { "\(Self.format(base))/\(prefix)" }

    static func parse(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        guard octets.count == 4 else { return nil }
        return octets.reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func format(_ address: UInt32) -> String {
        (0..<4).map { String((address >> (24 - 8 * $0)) & 0xFF) }.joined(separator: ".")
    }
}
