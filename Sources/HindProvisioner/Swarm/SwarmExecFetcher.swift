import DockerEngine
import Foundation
import HindCluster

/// Reads a daemon's web endpoint from inside the cluster: `curl` in the NameNode's task
/// (on the manager hind talks to) against `http://NODE:PORT`, through the Engine API's
/// exec. A Swarm cluster publishes no port on any node, so this is how readiness, the
/// home directory and fsck reach Hadoop. Each read is one exec (about 50 ms of the
/// manager's CPU), hence the slower readiness poll on Swarm.
struct SwarmExecFetcher: HadoopWebFetcher {
    let provider: SwarmProvider
    let cluster: ClusterName
    /// The node whose task runs the requests.
    let node: String
    /// The node name serving each port.
    let hosts: [Int: String]

    func fetch(_ method: HTTPMethod, port: Int, path: String, timeout: Duration) async -> (status: Int, body: [UInt8])? {
        guard let host = hosts[port] else { return nil }
        let seconds = max(1, Int(timeout.components.seconds))
        // The status on a line of its own after the body.
        let command = ["curl", "-s", "-X", method.rawValue, "--max-time", String(seconds), "-w", "\n%{http_code}", "http://\(host):\(port)\(path)"]
        guard let process = try? await provider.exec(command, in: node, of: cluster, attachStdin: false) else { return nil }
        var output: [UInt8] = []
        do {
            for try await chunk in process.output where chunk.stream == .stdout { output += chunk.bytes }
        } catch {
            return nil
        }
        return Self.parse(output)
    }

    /// The body and status of curl's output (`BODY\nSTATUS`); nil when nothing answered
    /// (status 000).
    static func parse(_ output: [UInt8]) -> (status: Int, body: [UInt8])? {
        guard let newline = output.lastIndex(of: UInt8(ascii: "\n")),
              let status = Int(String(decoding: output[(newline + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)),
              status > 0
        else { return nil }
        return (status, Array(output[..<newline]))
    }
}
