import DockerEngine
import Foundation
import HindCluster
import HindProvisioner
import HindTestSupport
import Testing

/// Clusters damaged by hand, as a user or a dying engine leaves them: `status` and
/// `list` say what is missing, `start` recreates it from the spec with the data intact,
/// and every verb that cannot act says why and what to do, in one line.
@Suite("Damaged clusters", .serialized, .requiresDockerEngine)
struct DamagedClusterTests {
    static func node(_ status: [String: Any], _ name: String) -> [String: Any]? {
        (status["nodes"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    /// One cluster through every repair: a removed worker, exec into a stopped cluster,
    /// a removed network, and a NameNode volume that is gone.
    @Test func removedObjectsAreShownAndRecreated() async throws {
        let name = ClusterFixture.name("dmg")
        defer { ClusterFixture.cleanUp(name) }
        let client = try await TestEngine.client()
        try ClusterFixture.hind(["up", "-c", "3", "--name", name, "--image", ClusterFixture.image])
        let written = try ClusterFixture.sh(name, "namenode", "head -c 3000000 /dev/urandom > /tmp/f && hdfs dfs -D dfs.replication=3 -put /tmp/f /f && md5sum < /tmp/f")
        // Every node runs under a PID limit the kernel enforces (cgroup v1 or v2).
        #expect(try ClusterFixture.sh(name, "worker-1", "cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max") == "2048\n")

        // A worker removed by hand (its volume stays, as with docker rm -f).
        try await client.removeContainer(id: "\(name)-worker-3", force: true)
        let damaged = try ClusterFixture.statusJSON(name)
        #expect(damaged["condition"] as? String == "damaged")
        #expect(damaged["ready"] as? Bool == false)
        #expect(damaged["missing"] as? [String] == ["worker-3's container"])
        #expect(Self.node(damaged, "worker-3")?["state"] as? String == "missing")
        let text = try ClusterFixture.hind(["status", "--name", name]).stdout
        #expect(text.contains("recreate what is missing with hind start --name \(name)"), "\(text)")
        let listed = try ClusterFixture.hind(["list", "-o", "json"]).stdout
        let summary = try #require((try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])?.first { $0["name"] as? String == name })
        #expect(summary["condition"] as? String == "damaged")
        let exec = try ClusterFixture.hind(["exec", "--name", name, "worker-3", "--", "true"], expect: 1)
        #expect(exec.stderr.contains("node worker-3 of cluster '\(name)' is missing (its container was removed): recreate it with hind start --name \(name)"))

        let started = try ClusterFixture.hind(["start", "--name", name])
        #expect(started.stderr.contains("Recreating worker-3's container"), "\(started.stderr)")
        #expect(started.stdout.contains("HDFS 3/3 DataNodes live"))
        let repaired = try ClusterFixture.statusJSON(name)
        #expect(repaired["condition"] as? String == "ready")
        // Its volume kept the DataNode's storage: the same DataNode came back.
        #expect(try ClusterFixture.sh(name, "worker-3", "d=$(hdfs getconf -confKey dfs.datanode.data.dir | sed 's|^file://||'); test -f $d/current/VERSION && echo kept").contains("kept"))
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /f | md5sum") == written)

        // exec into a stopped cluster: the state and the fix, not the engine's 409.
        try ClusterFixture.hind(["stop", "--name", name])
        let stoppedExec = try ClusterFixture.hind(["exec", "--name", name, "namenode", "--", "true"], expect: 1)
        #expect(stoppedExec.stderr == "error: node namenode of cluster '\(name)' is not running (exited): start the cluster with hind start --name \(name)\n")

        // The network removed by hand (possible only while every container is stopped).
        let network = try #require(try await client.listNetworks(labels: [ClusterLabels.cluster: name]).first)
        try await client.removeNetwork(id: network.id)
        let noNetwork = try ClusterFixture.statusJSON(name)
        #expect(noNetwork["condition"] as? String == "damaged")
        #expect(noNetwork["missing"] as? [String] == ["the network \(name)-net"])
        let restarted = try ClusterFixture.hind(["start", "--name", name])
        #expect(restarted.stderr.contains("Recreating the network \(name)-net and its 4 containers"), "\(restarted.stderr)")
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /f | md5sum") == written)
        let logs = try ClusterFixture.hind(["logs", "--name", name, "namenode"])
        #expect(logs.stderr.contains("keeping its data"), "never re-formatted")

        // The NameNode's volume gone: reported, refused, never formatted anew.
        try ClusterFixture.hind(["stop", "--name", name])
        try await client.removeContainer(id: "\(name)-namenode", force: true)
        try await client.removeVolume(name: "\(name)-namenode-data", force: true)
        #expect(try ClusterFixture.statusJSON(name)["condition"] as? String == "data-lost")
        let refused = try ClusterFixture.hind(["start", "--name", name], expect: 1)
        #expect(refused.stderr.contains("the NameNode's volume \(name)-namenode-data is gone"), "\(refused.stderr)")
        #expect(try await client.listVolumes(labels: [ClusterLabels.cluster: name]).count == 3, "nothing created")

        try ClusterFixture.hind(["down", "--name", name])
        #expect(try await ClusterFixture.objects(of: name).isEmpty)
    }

    /// What `hind up` killed with -9 right after its first step leaves (or a prune of a
    /// stopped cluster's containers): the network and the volumes, labelled and carrying
    /// the spec, and no container. Every verb names it; `start` finishes it.
    @Test func halfCreatedClusterIsIncompleteInEveryVerbAndStartFinishesIt() async throws {
        let name = ClusterFixture.name("half")
        defer { ClusterFixture.cleanUp(name) }
        let client = try await TestEngine.client()
        let topology = Topology(spec: try ClusterSpec(name: ClusterName(name), workers: 1, image: ImageProfile.guess(reference: ClusterFixture.image)))
        let labels = [ClusterLabels.cluster: name, ClusterLabels.run: "killed", ClusterLabels.spec: SpecLabel.encode(topology.spec)]
        _ = try await client.createNetwork(NetworkSpec(name: topology.networkName, labels: labels))
        for node in topology.nodes { _ = try await client.createVolume(VolumeSpec(name: node.volumeName, labels: labels)) }

        let status = try ClusterFixture.statusJSON(name)
        #expect(status["condition"] as? String == "incomplete")
        #expect((status["nodes"] as? [[String: Any]])?.allSatisfy { $0["state"] as? String == "missing" } == true)
        let list = try ClusterFixture.hind(["list"]).stdout
        #expect(list.split(separator: "\n").contains { $0.hasPrefix(name) && $0.contains("incomplete") }, "\(list)")
        let fix = "cluster '\(name)' is incomplete (an earlier hind up did not finish, or its containers were removed"
        for verb in [["up", "-c", "1", "--image", ClusterFixture.image], ["stop"], ["exec", "namenode", "--", "true"], ["logs", "namenode"]] {
            let result = try HindProcess.run([verb[0], "--name", name] + verb.dropFirst())
            #expect(result.status == 1, "\(verb)")
            #expect(result.stderr.contains(fix) && result.stderr.contains("hind start --name \(name)") && result.stderr.contains("hind down --name \(name)"),
                    "\(verb): \(result.stderr)")
        }
        // The spec survives on the volumes: start creates the containers and a ready cluster.
        let started = try ClusterFixture.hind(["start", "--name", name])
        #expect(started.stdout.contains("HDFS 1/1 DataNodes live"), "\(started.stderr)")
        #expect(try ClusterFixture.statusJSON(name)["condition"] as? String == "ready")
        try ClusterFixture.hind(["down", "--name", name])
        #expect(try await ClusterFixture.objects(of: name).isEmpty)
    }
}
