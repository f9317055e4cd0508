import DockerEngine
import Foundation
import HindCluster

/// The checks, in the order they run.
extension SmokeSuite {
    func checks() -> [Check] {
        let workers = spec.workers
        let replication = min(3, workers)
        let noYARN = spec.components.contains(.yarn) ? nil : "the cluster has no YARN (components: \(Component.ordered(spec.components).map(\.rawValue).joined(separator: ", ")))"
        var checks = [
            Check(name: "hdfs.safe-mode", component: .hdfs, title: "the NameNode is out of safe mode", run: safeMode),
            Check(name: "hdfs.datanodes", component: .hdfs, title: "\(workers) DataNode\(workers == 1 ? "" : "s") live", run: dataNodes),
            Check(name: "hdfs.write-read", component: .hdfs, title: "a 3-block file with replication \(replication) reads back byte-identical",
                  run: { try await writeRead(replication: replication) }),
            Check(name: "hdfs.fsck", component: .hdfs, title: "fsck: healthy, every block replicated on distinct DataNodes",
                  run: { try await fsck(replication: replication) }),
            Check(name: "hdfs.racks", component: .hdfs, title: "fsck -racks: every block of the file spans 2 or more racks",
                  skip: rackSkip(replication: replication), run: rackPlacement),
            Check(name: "hdfs.ha", component: .hdfs, title: "HA: one NameNode active and one standby, a file through the nameservice reads back",
                  skip: spec.ha == nil ? "the cluster has no NameNode HA (--ha)" : nil, run: highAvailability),
            Check(name: "hdfs.namespace", component: .hdfs, title: "rename, permissions and ownership, as \(user) and as a second user", run: namespace),
            Check(name: "hdfs.report", component: .hdfs, title: "dfsadmin -report agrees with the NameNode's JMX", run: report),
            Check(name: "webhdfs.round-trip", component: .webhdfs, title: "WebHDFS CREATE (through the redirect), OPEN, LISTSTATUS, DELETE from the host", run: webHDFSRoundTrip),
        ]
        for (name, url) in [("namenode", status.endpoints.namenodeUI), ("resourcemanager", status.endpoints.resourcemanagerUI), ("historyserver", status.endpoints.historyUI)] {
            guard let url else { continue }
            checks.append(Check(name: "ui.\(name)", component: .ui, title: "the \(name) web UI answers 200 at \(url)", run: { try await webUI(url) }))
        }
        checks += [
            Check(name: "yarn.nodemanagers", component: .yarn, title: "\(workers) NodeManager\(workers == 1 ? "" : "s") RUNNING", skip: noYARN, run: nodeManagers),
            Check(name: "mapreduce.pi", component: .mapreduce, title: "the examples jar's pi estimates 3.1…", skip: noYARN, run: pi),
            Check(name: "mapreduce.wordcount", component: .mapreduce, title: "the examples jar's wordcount counts right", skip: noYARN, run: wordCount),
        ]
        return checks
    }

    // MARK: HDFS

    func safeMode() async throws -> String {
        if let reason = try await namenodeInfo().safeMode { throw SmokeCheckFailure(reason: "the NameNode is in safe mode: \(reason)") }
        return "safe mode off"
    }

    /// Every worker's container runs and its DataNode is live and heard from: the NameNode
    /// keeps counting a DataNode that died live until its heartbeat timeout, so the
    /// engine's view and each DataNode's last heartbeat are checked too.
    func dataNodes() async throws -> String {
        let stopped = status.nodes.filter { $0.roles.contains("datanode") && $0.state != "running" }.map { "\($0.name) is \($0.state)" }
        guard stopped.isEmpty else { throw SmokeCheckFailure(reason: "DataNode containers not running: \(stopped.joined(separator: ", "))") }
        let (_, live, dead) = try await namenodeState()
        // Dead entries alone do not fail: a worker recreated with a new volume leaves its
        // old DataNode in the dead list until the NameNode restarts.
        guard live == spec.workers else {
            throw SmokeCheckFailure(reason: "HDFS has \(live)/\(spec.workers) DataNodes live and \(dead) dead")
        }
        let contacts = try await namenodeInfo().liveDataNodes ?? [:]
        let silent = contacts.filter { $0.value > Self.heartbeatSilence }.map { "\($0.key) (\($0.value) s)" }.sorted()
        guard silent.isEmpty else { throw SmokeCheckFailure(reason: "DataNodes not heard from lately: \(silent.joined(separator: ", "))") }
        return "\(live)/\(spec.workers) live, last heartbeats \(contacts.values.max() ?? 0) s ago at most" + (dead > 0 ? ", \(dead) dead from before" : "")
    }

    /// Seconds without a heartbeat (sent every 3 s) after which a DataNode counts as gone.
    static let heartbeatSilence = 10

    /// Written and read back by Hadoop's own CLI in the NameNode's container.
    func writeRead(replication: Int) async throws -> String {
        let local = localDirectory, remote = "\(directory)/three-blocks.bin"
        let output = try await shellSucceeding("""
            set -e
            mkdir -p '\(local)'
            head -c 2621440 /dev/urandom > '\(local)/three-blocks.bin'
            hdfs dfs -D dfs.blocksize=1048576 -D dfs.replication=\(replication) -put '\(local)/three-blocks.bin' '\(remote)'
            echo "written $(md5sum < '\(local)/three-blocks.bin' | cut -d' ' -f1)"
            echo "read $(hdfs dfs -cat '\(remote)' | md5sum | cut -d' ' -f1)"
            """, "writing or reading \(remote) failed")
        let sums = output.split(separator: "\n").filter { $0.hasPrefix("written ") || $0.hasPrefix("read ") }.map { $0.split(separator: " ").last ?? "" }
        guard sums.count == 2, sums[0] == sums[1] else { throw SmokeCheckFailure(reason: "\(remote) read back different bytes", output: output) }
        return "md5 \(sums[0])"
    }

    /// The NameNode's own fsck (its `/fsck` page, what `hdfs fsck` prints): the whole
    /// namespace healthy and fully replicated, the smoke file's blocks each on as many
    /// distinct DataNodes as its replication.
    func fsck(replication: Int) async throws -> String {
        let whole = try await fsckReport(path: "/", files: false)
        let parsed = SmokeParsing.fsck(whole)
        guard parsed.healthy, parsed.underReplicated == 0, parsed.corrupt == 0 else {
            throw SmokeCheckFailure(reason: "fsck / reports \(parsed.healthy ? "HEALTHY" : "NOT healthy") with \(parsed.underReplicated) under-replicated and \(parsed.corrupt) corrupt blocks", output: whole)
        }
        let fileReport = try await fsckReport(path: "\(directory)/three-blocks.bin", files: true)
        let blocks = SmokeParsing.fsck(fileReport).blocks
        guard blocks.count == 3 else { throw SmokeCheckFailure(reason: "fsck lists \(blocks.count) blocks of the 3-block file", output: fileReport) }
        for (index, block) in blocks.enumerated() where block.replication != replication || Set(block.locations).count != replication {
            throw SmokeCheckFailure(reason: "block \(index) has replication \(block.replication) on \(Set(block.locations).count) distinct DataNodes, expected \(replication)", output: fileReport)
        }
        return "HEALTHY; 3 blocks × \(replication) distinct DataNodes"
    }

    /// `hdfs haadmin` says one NameNode is active and the other standby, and a file
    /// written through `hdfs://NAME` (the failover client) reads back.
    func highAvailability() async throws -> String {
        let file = "hdfs://\(spec.name)\(directory)/ha.txt"
        let output = try await shellSucceeding("""
            for id in \(HighAvailability.namenodeIDs.joined(separator: " ")); do echo "state $id $(hdfs haadmin -getServiceState $id 2>/dev/null)"; done
            echo hind-ha | hdfs dfs -put - '\(file)' && echo "read $(hdfs dfs -cat '\(file)')"
            """, "writing or reading \(file) failed")
        let states = output.split(separator: "\n").filter { $0.hasPrefix("state ") }.map { $0.split(separator: " ").dropFirst().joined(separator: " ") }
        guard states.filter({ $0.hasSuffix(" active") }).count == 1, states.filter({ $0.hasSuffix(" standby") }).count == 1 else {
            throw SmokeCheckFailure(reason: "the NameNodes are not one active and one standby: \(states.joined(separator: ", "))", output: output)
        }
        guard output.contains("read hind-ha") else { throw SmokeCheckFailure(reason: "\(file) read back different bytes", output: output) }
        return states.joined(separator: ", ")
    }

    /// Why the rack check does not apply: a flat cluster, one rack, or one replica.
    func rackSkip(replication: Int) -> String? {
        let racks = Set(Topology(spec: spec).workers.compactMap(\.rack))
        if racks.count < 2 { return racks.isEmpty ? "the cluster has no racks (--racks)" : "the workers are all in \(racks.first!)" }
        return replication < 2 ? "one replica cannot span racks" : nil
    }

    /// Hadoop's placement across racks (`BlockPlacementPolicyDefault`: the second replica
    /// on another rack than the first): the NameNode's fsck with racks shows each block
    /// of the smoke file on 2 or more racks.
    func rackPlacement() async throws -> String {
        let report = try await fsckReport(path: "\(directory)/three-blocks.bin", files: true, racks: true)
        let blocks = SmokeParsing.fsck(report).blocks
        guard !blocks.isEmpty else { throw SmokeCheckFailure(reason: "fsck lists no blocks of the 3-block file", output: report) }
        for (index, block) in blocks.enumerated() where Set(block.racks).count < 2 {
            throw SmokeCheckFailure(reason: "block \(index) is on \(Set(block.racks).sorted().joined(separator: ", ")) only", output: report)
        }
        return "\(blocks.count) blocks, each on \(Set(blocks.map { Set($0.racks).count }).sorted().map(String.init).joined(separator: " or ")) racks"
    }

    func fsckReport(path: String, files: Bool, racks: Bool = false) async throws -> String {
        let query = "ugi=\(URLEscaping.queryComponent(user))&path=\(URLEscaping.queryComponent(path))"
            + (files ? "&files=1&blocks=1" + (racks ? "&racks=1" : "&locations=1") : "")
        let response = try await HTTPGetter().get("\(namenodeUI)/fsck?\(query)", timeout: .seconds(60))
        guard response.status == 200 else { throw SmokeCheckFailure(reason: "the NameNode's fsck answered HTTP \(response.status)") }
        return String(decoding: response.body, as: UTF8.self)
    }

    /// Namespace bookkeeping through WebHDFS (no client JVM): a file created by a second
    /// user is owned by it; rename and chmod as the cluster's user show in the status; with
    /// `dfs.permissions.enabled` (hind turns it off for dev clusters) a 700 file is
    /// refused to a third user.
    func namespace() async throws -> String {
        let file = "\(directory)/owned.txt", renamed = "\(directory)/renamed.txt"
        try await webHDFSCreate(file, bytes: Array("owned".utf8), as: Self.otherUser)
        let owner = try await fileStatus(file)["owner"] as? String
        guard owner == Self.otherUser else { throw SmokeCheckFailure(reason: "a file created by \(Self.otherUser) is owned by \(owner ?? "nobody")") }
        let rename = try await webhdfs(.put, file, "RENAME", ["destination": renamed])
        guard rename.status == 200, String(decoding: rename.body, as: UTF8.self).contains("true") else {
            throw SmokeCheckFailure(reason: "RENAME answered \(rename.status) \(String(decoding: rename.body, as: UTF8.self))")
        }
        try await webhdfs(.put, renamed, "SETPERMISSION", ["permission": "700"])
        let permission = try await fileStatus(renamed)["permission"] as? String
        guard permission == "700" else { throw SmokeCheckFailure(reason: "SETPERMISSION 700 left permission \(permission ?? "unknown")") }
        let enforced = spec.overrides.last { $0.file == .hdfsSite && $0.key == "dfs.permissions.enabled" }?.value == "true"
        guard enforced else { return "owner \(Self.otherUser), renamed, mode 700 (permissions not enforced: dfs.permissions.enabled=false)" }
        let denied = try await webhdfs(.get, renamed, "OPEN", as: "hind-smoke-third")
        guard denied.status == 403 else { throw SmokeCheckFailure(reason: "a third user read a 700 file of \(Self.otherUser) (HTTP \(denied.status))") }
        return "owner \(Self.otherUser), renamed, mode 700 refused to a third user"
    }

    func fileStatus(_ path: String) async throws -> [String: Any] {
        let response = try await webhdfs(.get, path, "GETFILESTATUS")
        guard response.status == 200, let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
              let status = object["FileStatus"] as? [String: Any]
        else { throw SmokeCheckFailure(reason: "GETFILESTATUS \(path) answered \(response.status)") }
        return status
    }

    func report() async throws -> String {
        let output = try await shellSucceeding("hdfs dfsadmin -report", "hdfs dfsadmin -report failed")
        let jmx = try await namenodeState().live
        guard let reported = SmokeParsing.reportedLiveDataNodes(output), reported == jmx else {
            throw SmokeCheckFailure(reason: "dfsadmin -report lists \(SmokeParsing.reportedLiveDataNodes(output).map(String.init) ?? "no") live DataNodes, JMX \(jmx)", output: output)
        }
        return "\(reported) live in both"
    }

    // MARK: WebHDFS

    /// CREATE in two steps as clients do: the NameNode redirects to a DataNode, which
    /// takes the bytes.
    func webHDFSCreate(_ path: String, bytes: [UInt8], as user: String? = nil) async throws {
        let redirect = try await webhdfs(.put, path, "CREATE", ["overwrite": "true"], as: user)
        guard redirect.status == 307, let location = redirect.location else {
            throw SmokeCheckFailure(reason: "CREATE \(path) answered \(redirect.status), not a redirect to a DataNode")
        }
        let created = try await HTTPGetter().request(.put, location, body: bytes)
        guard created.status == 201 else {
            throw SmokeCheckFailure(reason: "the DataNode at \(location.split(separator: "/").dropFirst().first ?? "?") answered CREATE with \(created.status)")
        }
    }

    func webHDFSRoundTrip() async throws -> String {
        let path = "\(directory)/webhdfs.txt"
        let content = "written over WebHDFS by hind smoke\n"
        try await webHDFSCreate(path, bytes: Array(content.utf8))
        let read = try await HTTPGetter().get("\(namenodeUI)/webhdfs/v1\(path)?op=OPEN&user.name=\(URLEscaping.queryComponent(user))", followRedirects: true)
        guard read.status == 200, String(decoding: read.body, as: UTF8.self) == content else {
            throw SmokeCheckFailure(reason: "OPEN answered \(read.status) with \(read.body.count) bytes, not what was written")
        }
        let list = try await webhdfs(.get, directory, "LISTSTATUS")
        guard String(decoding: list.body, as: UTF8.self).contains("\"pathSuffix\":\"webhdfs.txt\"") else {
            throw SmokeCheckFailure(reason: "LISTSTATUS \(directory) does not list webhdfs.txt")
        }
        let delete = try await webhdfs(.delete, path, "DELETE")
        guard delete.status == 200, String(decoding: delete.body, as: UTF8.self).contains("true") else {
            throw SmokeCheckFailure(reason: "DELETE answered \(delete.status)")
        }
        return "\(content.utf8.count) bytes through \(spec.workers == 1 ? "the" : "a") DataNode"
    }

    // MARK: Web UIs

    func webUI(_ url: String) async throws -> String {
        let response = try await HTTPGetter().get(url + "/", followRedirects: true)
        guard response.status == 200 else { throw SmokeCheckFailure(reason: "\(url)/ answered HTTP \(response.status)") }
        return "HTTP 200, \(response.body.count) bytes"
    }

    // MARK: YARN and MapReduce (right by construction: no YARN jars on hind's machines)

    func nodeManagers() async throws -> String {
        guard let rm = status.endpoints.resourcemanagerUI else { throw SmokeCheckFailure(reason: "the ResourceManager publishes no web port") }
        let response = try await HTTPGetter().get("\(rm)/ws/v1/cluster/nodes?states=RUNNING")
        let running = (((try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])?["nodes"] as? [String: Any])?["node"] as? [[String: Any]])?.count ?? 0
        guard response.status == 200, running == spec.workers else {
            throw SmokeCheckFailure(reason: "the ResourceManager lists \(running)/\(spec.workers) NodeManagers RUNNING (HTTP \(response.status))")
        }
        return "\(running)/\(spec.workers) RUNNING"
    }

    /// The examples jar of the image's distribution, found the way its scripts lay it out.
    static let examplesJar = #"$(ls "${HADOOP_HOME:-/opt/hadoop}"/share/hadoop/mapreduce/hadoop-mapreduce-examples-*.jar | head -n 1)"#

    func pi() async throws -> String {
        let output = try await shellSucceeding("yarn jar \(Self.examplesJar) pi 2 20 2>&1", "the pi job failed")
        guard let estimate = SmokeParsing.estimatedPi(output), (3.0...3.3).contains(estimate) else {
            throw SmokeCheckFailure(reason: "pi printed no estimate between 3.0 and 3.3", output: output)
        }
        return "estimated \(estimate)"
    }

    static let wordCountInput = "the quick brown fox\nthe lazy dog\nthe end\n"

    func wordCount() async throws -> String {
        let input = "\(directory)/wordcount-in", output = "\(directory)/wordcount-out"
        let text = try await shellSucceeding("""
            set -e
            hdfs dfs -mkdir -p '\(input)'
            printf '%s' '\(Self.wordCountInput)' | hdfs dfs -put - '\(input)/words.txt'
            yarn jar \(Self.examplesJar) wordcount '\(input)' '\(output)' >/dev/null 2>&1
            hdfs dfs -cat '\(output)/part-r-*'
            """, "the wordcount job failed")
        var expected: [String: Int] = [:]
        for word in Self.wordCountInput.split(whereSeparator: \.isWhitespace) { expected[String(word), default: 0] += 1 }
        let counted = SmokeParsing.wordCounts(text)
        guard counted == expected else { throw SmokeCheckFailure(reason: "wordcount counted \(counted), expected \(expected)", output: text) }
        return "\(counted.count) words, \"the\" × \(counted["the"] ?? 0)"
    }
}
