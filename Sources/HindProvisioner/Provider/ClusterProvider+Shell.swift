import HindCluster

extension ClusterProvider {
    /// `sh -c script` in a node of the cluster, as the image's user: its exit status
    /// and its output (stdout and stderr together).
    public func shell(_ script: String, in node: String, of name: ClusterName) async throws -> (status: Int, output: String) {
        let process = try await exec(["sh", "-c", script], in: node, of: name, attachStdin: false)
        var output = ""
        for try await chunk in process.output { output += chunk.text }
        return (try await process.exitCode(), output)
    }
}
