import DockerEngine
import Foundation
@testable import HindCluster
import HindProvisioner
import Testing
import Yams

/// The Compose service and the engine's container spec are two translations of one
/// ``NodeContainer``: for every node of every example topology, in both start orderings,
/// each field the description has reads the same in both.
@Suite("One container, two translations")
struct ContainerTranslationTests {
    /// The topologies of `compose/examples.tsv`, plus a distribution mounted into an image
    /// that names its user (the `--dist` path, where the two once drifted apart).
    static func exampleTopologies() throws -> [Topology] {
        var base = try ImageProfile.guess(reference: "hind/base:bookworm-jre17")
        base.user = "1000:1000"
        let specs = [
            try ClusterSpec(name: ClusterName("hdfs"), workers: 3, image: ImageProfile.guess(reference: ImageProfile.offlineReference)),
            try ClusterSpec(name: ClusterName("yarn"), workers: 3, image: ImageProfile.guess(reference: "apache/hadoop:3.4.1"), components: [.hdfs, .yarn]),
            try ClusterSpec(name: ClusterName("full"), workers: 3, image: ImageProfile.guess(reference: "apache/hadoop:3.4.1"),
                            components: [.hdfs, .yarn, .history], memory: .gigabytes(4)),
            try ClusterSpec(name: ClusterName("dist"), workers: 2, image: base, components: [.hdfs], distribution: "/src/hadoop-dist"),
        ]
        return specs.map(Topology.init(spec:))
    }

    @Test(arguments: [NodeContainer.StartOrdering.afterHealthyDependencies, .launchersWait])
    func composeServiceAndEngineSpecAgree(_ ordering: NodeContainer.StartOrdering) throws {
        for topology in try Self.exampleTopologies() {
            for node in topology.nodes {
                let container = NodeContainer(node: node, in: topology, ordering: ordering)
                let service = try #require(try Yams.load(yaml: Yams.serialize(node: ComposeFile.service(container, launcher: node.name))) as? [String: Any])
                let spec = ContainerSpecBuilder.spec(for: container)
                let context = Comment(rawValue: "\(topology.name)/\(node.name)")

                #expect(service["image"] as? String == spec.image, context)
                #expect(service["container_name"] as? String == container.name, context)
                #expect(service["hostname"] as? String == spec.hostname, context)
                #expect(service["entrypoint"] as? [String] == spec.entrypoint, context)
                #expect(service["command"] as? [String] == spec.cmd, context)
                let environment = (service["environment"] as? [String: String] ?? [:]).map { "\($0.key)=\($0.value)" }.sorted()
                #expect(environment == spec.env.sorted(), context)
                #expect(service["user"] as? String == spec.user, context)
                #expect(service["init"] as? Bool == spec.initProcess, context)
                #expect(service["cap_drop"] as? [String] == spec.capDrop, context)
                #expect(service["security_opt"] as? [String] == spec.securityOptions, context)
                let memory = try MemorySize(parsing: try #require(service["mem_limit"] as? String))
                #expect(memory.bytes == spec.memoryLimit, context)
                #expect(service["cpu_shares"] as? Int == spec.cpuShares, context)
                #expect(spec.pidsLimit == (node.runs(.nodemanager) ? 8192 : 2048), context)
                #expect(service["pids_limit"] as? Int == spec.pidsLimit, context)
                #expect(service["labels"] as? [String: String] == spec.labels, context)
                let aliases = ((service["networks"] as? [String: Any])?[ComposeFile.networkKey] as? [String: Any])?["aliases"] as? [String]
                #expect(aliases == spec.networks[container.network]?.aliases, context)
                let ports = (service["ports"] as? [String] ?? []).sorted()
                let published = spec.publishedPorts.map { "\($0.hostIP):\($0.hostPort.map(String.init) ?? ""):\($0.containerPort.port)" }.sorted()
                #expect(ports == published, context)

                // Mounts: the node's data volume and a --dist bind; the /hind binds are
                // Compose's way of delivering the files the engine gets as an archive.
                let volumes = (service["volumes"] as? [[String: Any]] ?? []).filter { !(($0["target"] as? String) ?? "").hasPrefix(LauncherScript.directory) }
                let composeMounts = volumes.map { "\($0["type"] as? String ?? ""):\($0["source"] as? String ?? ""):\($0["target"] as? String ?? ""):\($0["read_only"] as? Bool ?? false)" }
                let engineMounts = spec.mounts.map { "\($0.kind.rawValue):\($0.source):\($0.target):\($0.readOnly)" }
                #expect(composeMounts.sorted() == engineMounts.sorted(), context)

                let health = try #require(service["healthcheck"] as? [String: Any])
                #expect(health["test"] as? [String] == spec.healthcheck?.test, context)
                #expect(health["interval"] as? String == Self.composeDuration(spec.healthcheck?.interval), context)
                #expect(health["timeout"] as? String == Self.composeDuration(spec.healthcheck?.timeout), context)
                #expect(health["retries"] as? Int == spec.healthcheck?.retries, context)
                #expect(service["stop_grace_period"] as? String == Self.composeDuration(spec.stopTimeout.map { .seconds($0) }), context)
                let dependsOn = (service["depends_on"] as? [String: Any])?.keys.sorted() ?? []
                #expect(dependsOn == container.startsAfterHealthy.sorted(), context)
            }
        }
    }

    @Test func theTwoWaysOfRunningAClusterDifferOnlyWhereTheyMust() throws {
        for topology in try Self.exampleTopologies() {
            let compose = try #require(try Yams.load(yaml: ComposeFile.render(topology)) as? [String: Any])
            let services = try #require(compose["services"] as? [String: Any])
            for node in topology.nodes {
                let service = try #require(services[node.name] as? [String: Any])
                let spec = ContainerSpecBuilder.spec(for: node, in: topology)
                // hind up orders the start in the launchers: no health gating, checks every 5 s.
                #expect(spec.healthcheck?.interval == ContainerPolicy.leafHealthInterval)
                // Compose gates a node's start on the health of those it depends on.
                let dependsOn = (service["depends_on"] as? [String: Any])?.keys.sorted() ?? []
                #expect(dependsOn == node.dependsOn.sorted())
                // Only hind up records the spec, on the NameNode.
                #expect((spec.labels[ClusterLabels.spec] != nil) == node.runs(.namenode))
                #expect((service["labels"] as? [String: String])?[ClusterLabels.spec] == nil)
            }
            if topology.spec.distribution != nil {
                let namenode = try #require(services["namenode"] as? [String: Any])
                let environment = try #require(namenode["environment"] as? [String: String])
                #expect(environment["HADOOP_HOME"] == ContainerPolicy.hadoopHome, "--dist finds Hadoop under Compose too")
                #expect(environment["PATH"]?.hasPrefix("\(ContainerPolicy.hadoopHome)/bin:") == true)
            }
        }
    }

    /// A duration as Compose reads it: whole seconds, `5s`. A fraction has no such form
    /// here and fails the comparison rather than being rounded away.
    static func composeDuration(_ duration: Duration?) -> String? {
        guard let duration else { return nil }
        let (seconds, attoseconds) = duration.components
        return attoseconds == 0 ? "\(seconds)s" : "fractional \(duration)"
    }
}
