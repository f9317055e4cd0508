import DockerEngine
import HindTestSupport
import Testing

@Suite(.requiresDockerEngine)
struct ExecAttachedTests {
    @Test func passesStdinThroughAndSeparatesTheOutputStreams() async throws {
        try await TestEngine.withLabeledObjects(prefix: "stdin") { client, labels in
            let image = try await BusyboxImage.ensure(using: client)
            let id = try await client.createContainer(spec: ContainerSpec(
                image: image, cmd: ["sleep", "300"], labels: labels, networkMode: "none"
            ))
            try await client.startContainer(id: id)

            let session = try await client.execAttached(
                container: id,
                spec: ExecSpec(cmd: ["sh", "-c", "wc -l; echo done >&2; exit 4"])
            )
            // More than one socket buffer's worth, so the writes really stream.
            let line = String(repeating: "x", count: 99) + "\n"
            for _ in 0..<2000 {
                try await session.write(line)
            }
            session.closeStdin()

            var stdout = ""
            var stderr = ""
            for try await chunk in session.output {
                switch chunk.stream {
                case .stdout: stdout += chunk.text
                case .stderr: stderr += chunk.text
                case .stdin: break
                }
            }
            #expect(stdout.trimmingCharacters(in: .whitespaces) == "2000\n")
            #expect(stderr == "done\n")
            #expect(try await session.exitCode() == 4)
        }
    }

    @Test func ttyExecDeliversOneStream() async throws {
        try await TestEngine.withLabeledObjects(prefix: "tty") { client, labels in
            let image = try await BusyboxImage.ensure(using: client)
            let id = try await client.createContainer(spec: ContainerSpec(
                image: image, cmd: ["sleep", "300"], labels: labels, networkMode: "none"
            ))
            try await client.startContainer(id: id)
            let session = try await client.execAttached(container: id, spec: ExecSpec(cmd: ["sh", "-c", "read word; echo got-$word; echo err >&2"], tty: true))
            try await session.write("tea\n")
            var output = ""
            for try await chunk in session.output {
                #expect(chunk.stream == .stdout)
                output += chunk.text
            }
            #expect(output.contains("got-tea"))
            #expect(output.contains("err"))
            #expect(try await session.exitCode() == 0)
        }
    }

    @Test func attachingToAMissingExecIsNotFound() async throws {
        let client = try await TestEngine.client()
        await #expect(throws: DockerError.self) {
            try await client.startExecAttached(id: "no-such-exec")
        }
    }
}
