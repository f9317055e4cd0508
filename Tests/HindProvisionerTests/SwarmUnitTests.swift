import DockerEngine
import Foundation
@testable import HindCluster
@testable import HindProvisioner
import Testing

/// The Swarm provider's pure parts: the service a node becomes, where tasks may run,
/// the engine's Swarm answers, and curl's output read back through exec.
@Suite("Swarm")
struct SwarmUnitTests {
    static func topology(workers: Int = 3) throws -> Topology {
        Topology(spec: try ClusterSpec(name: ClusterName("sw"), workers: workers, image: ImageProfile.guess(reference: ImageProfile.offlineReference)))
    }

    /// The encoded service as the engine reads it.
    static func json(_ spec: ServiceSpec) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(spec)) as? [String: Any])
    }

    @Suite("A node as a service")
    struct Services {
        @Test func theNameNodeKeepsANamedLabelledVolumeAndCarriesTheSpec() throws {
            let topology = try SwarmUnitTests.topology()
            let namenode = try #require(topology.node(named: "namenode"))
            let spec = SwarmServiceBuilder.service(for: namenode, in: topology, image: "sha256:abc", configs: [],
                                                   constraints: ["node.id==m1"], labels: ["io.hind.run": "r1"])
            let json = try SwarmUnitTests.json(spec)
            let container = try #require((json["TaskTemplate"] as? [String: Any])?["ContainerSpec"] as? [String: Any])
            let mounts = try #require(container["Mounts"] as? [[String: Any]])
            #expect(mounts.count == 1)
            #expect(mounts[0]["Source"] as? String == namenode.volumeName)
            #expect(mounts[0]["Target"] as? String == topology.spec.image.dataDirectory)
            let volumeLabels = (mounts[0]["VolumeOptions"] as? [String: Any])?["Labels"] as? [String: String]
            #expect(volumeLabels?[ClusterLabels.cluster] == "sw")
            #expect(volumeLabels?["io.hind.run"] == "r1")
            let labels = try #require(json["Labels"] as? [String: String])
            #expect(SpecLabel.decode(labels[ClusterLabels.spec]) == topology.spec)
            #expect(labels[ClusterLabels.node] == "namenode")
            #expect(((json["TaskTemplate"] as? [String: Any])?["Placement"] as? [String: Any])?["Constraints"] as? [String] == ["node.id==m1"])
        }

        @Test func aWorkerKeepsItsDataInAnAnonymousVolumeOfItsTask() throws {
            let topology = try SwarmUnitTests.topology()
            let worker = try #require(topology.node(named: "worker-2"))
            let json = try SwarmUnitTests.json(SwarmServiceBuilder.service(for: worker, in: topology, image: "sha256:abc", configs: [], constraints: [], labels: [:]))
            let container = try #require((json["TaskTemplate"] as? [String: Any])?["ContainerSpec"] as? [String: Any])
            let mounts = try #require(container["Mounts"] as? [[String: Any]])
            #expect(mounts.count == 1)
            #expect(mounts[0]["Source"] == nil)
            #expect((json["Labels"] as? [String: String])?[ClusterLabels.spec] == nil)
        }

        /// Each field the node's container description has, as the service carries it:
        /// the same translation as `ContainerSpecBuilder`, and a `dnsrr` endpoint.
        @Test func everyNodeTranslatesItsContainerDescription() throws {
            let topology = try SwarmUnitTests.topology()
            for node in topology.nodes {
                let description = NodeContainer(node: node, in: topology, ordering: .afterHealthyDependencies)
                let config = ServiceSpec.ConfigFile(configID: "c1", configName: "sw-\(node.name).sh", path: LauncherScript.path, mode: 0o755)
                let json = try SwarmUnitTests.json(SwarmServiceBuilder.service(for: node, in: topology, image: "sha256:abc", configs: [config], constraints: [], labels: [:]))
                let template = try #require(json["TaskTemplate"] as? [String: Any])
                let container = try #require(template["ContainerSpec"] as? [String: Any])
                #expect(json["Name"] as? String == description.name)
                #expect(container["Image"] as? String == "sha256:abc")
                #expect(container["Hostname"] as? String == description.hostname)
                #expect(container["Command"] as? [String] == description.entrypoint)
                #expect(container["Args"] as? [String] == description.command)
                #expect(container["User"] as? String == description.user)
                #expect(container["Init"] as? Bool == true)
                #expect(container["CapabilityDrop"] as? [String] == ["ALL"])
                #expect(container["CapabilityAdd"] as? [String] == description.addedCapabilities)
                #expect((container["Env"] as? [String])?.sorted() == description.environment.map { "\($0.key)=\($0.value)" }.sorted())
                let health = try #require(container["HealthCheck"] as? [String: Any])
                #expect(health["Test"] as? [String] == ["CMD"] + description.health.command)
                // Others wait for the NameNode's name, which Swarm's DNS gives once it is healthy.
                #expect((health["Interval"] as? NSNumber)?.int64Value == (node.runs(.namenode) ? 1 : 10) * Int64(1_000_000_000))
                let limits = (template["Resources"] as? [String: Any])?["Limits"] as? [String: Any]
                #expect((limits?["MemoryBytes"] as? NSNumber)?.int64Value == description.memoryLimit.bytes)
                #expect((limits?["Pids"] as? NSNumber)?.intValue == description.pidsLimit)
                let file = (container["Configs"] as? [[String: Any]])?.first?["File"] as? [String: Any]
                #expect(file?["Name"] as? String == LauncherScript.path)
                #expect((file?["Mode"] as? NSNumber)?.intValue == 0o755)
                let network = (template["Networks"] as? [[String: Any]])?.first
                #expect(network?["Target"] as? String == topology.networkName)
                #expect(network?["Aliases"] as? [String] == [node.hostname])
                #expect((json["EndpointSpec"] as? [String: Any])?["Mode"] as? String == "dnsrr")
                #expect(((json["Mode"] as? [String: Any])?["Replicated"] as? [String: Any])?["Replicas"] as? Int == 1)
                #expect((template["RestartPolicy"] as? [String: Any])?["Condition"] as? String == "any")
            }
        }

        @Test func configNamesAreSharedForConfigAndOwnPerLauncher() throws {
            let topology = try SwarmUnitTests.topology()
            let one = try #require(topology.node(named: "worker-1"))
            let two = try #require(topology.node(named: "worker-2"))
            #expect(SwarmConfigs.name(of: "/hind/conf/core-site.xml", node: one, cluster: topology.name) == "sw-core-site.xml")
            #expect(SwarmConfigs.name(of: "/hind/conf/core-site.xml", node: two, cluster: topology.name) == "sw-core-site.xml")
            #expect(SwarmConfigs.name(of: LauncherScript.path, node: one, cluster: topology.name) == "sw-worker-1.sh")
            // Swarm's limit on config names, for the longest cluster and node names.
            let long = Topology(spec: try ClusterSpec(name: ClusterName(String(repeating: "a", count: ClusterName.maximumLength)), workers: 12,
                                                      image: ImageProfile.guess(reference: ImageProfile.offlineReference)))
            for node in long.nodes {
                for file in RenderedCluster(topology: long).containerFiles(for: node) {
                    #expect(SwarmConfigs.name(of: file.path, node: node, cluster: long.name).count <= 64)
                }
            }
        }
    }

    @Suite("Telling Swarm clusters apart")
    struct Separation {
        /// Every object of a Swarm cluster carries the engine mark, so the manager's own
        /// engine (``DockerProvider``) never counts, lists or removes it.
        @Test func everyObjectOfASwarmClusterIsMarked() throws {
            let topology = try SwarmUnitTests.topology()
            let run = ProvisioningRun(cluster: topology.name)
            let labels = SwarmProvider.labels(of: run, spec: topology.spec)
            #expect(labels[ClusterLabels.engine] == ClusterLabels.swarmEngine)
            #expect(DockerProvider.isSwarms(labels))
            #expect(!DockerProvider.isSwarms(DockerProvider.labels(of: run, spec: topology.spec)))
            for node in topology.nodes {
                let json = try SwarmUnitTests.json(SwarmServiceBuilder.service(for: node, in: topology, image: "sha256:abc", configs: [], constraints: [], labels: labels))
                let container = try #require((json["TaskTemplate"] as? [String: Any])?["ContainerSpec"] as? [String: Any])
                #expect((json["Labels"] as? [String: String])?[ClusterLabels.engine] == ClusterLabels.swarmEngine)
                #expect((container["Labels"] as? [String: String])?[ClusterLabels.engine] == ClusterLabels.swarmEngine)
            }
        }

        @Test func aTaskMatchesLabelsAsTheEnginesFilterDoes() {
            var task = SwarmTask(id: "t", serviceID: "s", nodeID: "n", state: "running")
            task.containerLabels = [ClusterLabels.cluster: "sw", ClusterLabels.engine: "swarm"]
            #expect(task.matches(labels: [ClusterLabels.cluster: "sw"]))
            #expect(task.matches(labels: [ClusterLabels.cluster: ""]))
            #expect(!task.matches(labels: [ClusterLabels.cluster: "other"]))
            #expect(!task.matches(labels: [ClusterLabels.node: ""]))
        }

        @Test(arguments: [
            (true, false, false, false, false, "--ha is not available on Swarm"),
            (false, true, false, false, false, "--racks is not available on Swarm"),
            (false, false, true, false, false, "--dist is not available on Swarm"),
            (false, false, false, true, false, "--namenode-port is not available on Swarm"),
            (false, false, false, false, true, "--smoke is not available on Swarm"),
        ])
        func whatSwarmCannotRunIsRefused(ha: Bool, racks: Bool, dist: Bool, ports: Bool, smoke: Bool, mentions: String) throws {
            let refusal = try #require(SwarmError.unsupported(ha: ha, racks: racks, distribution: dist, publishedPorts: ports, smoke: smoke))
            #expect(refusal.description.contains(mentions) && refusal.isBadInput)
        }

        @Test func aPlainRequestIsNotRefused() {
            #expect(SwarmError.unsupported(ha: false, racks: false, distribution: false, publishedPorts: false) == nil)
        }
    }

    @Suite("Placement")
    struct Placement {
        static let nodes = [
            SwarmNode(id: "m1", hostname: "host-1", role: "manager"),
            SwarmNode(id: "w2", hostname: "host-2"),
            SwarmNode(id: "w3", hostname: "host-3"),
            SwarmNode(id: "w4", hostname: "host-4", state: "down"),
        ]

        @Test func theNameNodeGoesToTheManagerAndPlacedNodesWhereAsked() throws {
            let constraints = try SwarmPlacement(["worker-2": "host-3", "worker-3": "w2"])
                .constraints(for: try SwarmUnitTests.topology(), nodes: Self.nodes, manager: "m1")
            #expect(constraints == ["namenode": ["node.id==m1"], "worker-2": ["node.id==w3"], "worker-3": ["node.id==w2"]])
        }

        @Test(arguments: [
            (["worker-9": "host-2"], "the cluster has no node worker-9"),
            (["worker-1": "host-7"], "the Swarm has no ready node host-7; use one of host-1, host-2, host-3"),
            (["worker-1": "host-4"], "no ready node host-4"),
            (["namenode": "host-2"], "the NameNode runs on the manager hind talks to"),
        ])
        func badPlacementsAreRefused(_ requested: [String: String], mentions: String) throws {
            let error = #expect(throws: SwarmError.self) {
                try SwarmPlacement(requested).constraints(for: try SwarmUnitTests.topology(), nodes: Self.nodes, manager: "m1")
            }
            #expect(error?.description.contains(mentions) == true, "\(error?.description ?? "")")
            #expect(error?.isBadInput == true)
        }
    }

    @Suite("Engine answers")
    struct Answers {
        @Test func infoSaysWhetherTheEngineIsAManager() throws {
            let manager = try JSONDecoder().decode(SwarmInfo.self, from: Data(#"{"Name":"host-1","Swarm":{"NodeID":"m1","NodeAddr":"172.20.0.2","LocalNodeState":"active","ControlAvailable":true}}"#.utf8))
            #expect(manager.isActive && manager.controlAvailable && manager.nodeID == "m1" && manager.nodeAddress == "172.20.0.2")
            let none = try JSONDecoder().decode(SwarmInfo.self, from: Data(#"{"Name":"x","Swarm":{"NodeID":"","LocalNodeState":"inactive","ControlAvailable":false}}"#.utf8))
            #expect(!none.isActive && !none.controlAvailable)
        }

        @Test func aTaskCarriesItsStateContainerAndAddresses() throws {
            let json = #"""
            {"ID":"t1","ServiceID":"s1","NodeID":"w2","DesiredState":"running",
             "Status":{"State":"rejected","Message":"preparing","Err":"No such image: sha256:abc","ContainerStatus":{"ContainerID":"","ExitCode":0}},
             "NetworksAttachments":[{"Network":{"Spec":{"Name":"sw-net"}},"Addresses":["10.0.1.5/24"]}]}
            """#
            let task = try JSONDecoder().decode(SwarmTask.self, from: Data(json.utf8))
            #expect(task.state == "rejected" && task.isFinished)
            #expect(task.error == "No such image: sha256:abc")
            #expect(task.containerID == nil)
            #expect(task.addresses == ["sw-net": ["10.0.1.5/24"]])
        }

        @Test func aNodesStateIsItsRunningTaskElseTheOneUnderWay() {
            func task(_ state: String) -> SwarmTask { SwarmTask(id: state, serviceID: "s", nodeID: "n", state: state) }
            #expect(SwarmProvider.state(of: [task("failed"), task("running")]) == "running")
            #expect(SwarmProvider.state(of: [task("rejected"), task("preparing")]) == "preparing")
            #expect(SwarmProvider.state(of: [task("rejected")]) == "rejected")
            #expect(SwarmProvider.state(of: []) == "pending")
        }

        @Test func aConfigCarriesItsContents() throws {
            let json = #"{"ID":"c1","Spec":{"Name":"sw-core-site.xml","Labels":{"io.hind.cluster":"sw"},"Data":"PGNvbmZpZ3VyYXRpb24vPgo="}}"#
            let config = try JSONDecoder().decode(SwarmConfig.self, from: Data(json.utf8))
            #expect(config.name == "sw-core-site.xml" && config.labels == [ClusterLabels.cluster: "sw"])
            #expect(String(decoding: config.data, as: UTF8.self) == "<configuration/>\n")
        }

        @Test func curlsOutputGivesBodyAndStatus() throws {
            let answer = try #require(SwarmExecFetcher.parse(Array("{\"beans\":[]}\n200".utf8)))
            #expect(answer.status == 200)
            #expect(String(decoding: answer.body, as: UTF8.self) == "{\"beans\":[]}")
            #expect(SwarmExecFetcher.parse(Array("\n000".utf8)) == nil)
            #expect(SwarmExecFetcher.parse([]) == nil)
        }
    }
}
