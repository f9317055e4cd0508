// engine-bench: how fast hind's engine client talks to the local Docker engine.
//
// Prints a Markdown table: `/_ping` requests per second (one caller, then 8 concurrent
// callers) and the time to create and start 10 containers one after the other versus
// all at once. Everything it creates carries `io.hind.bench=<run id>` and is removed
// at the end. Not a test: numbers depend on the machine.
//
//   engine-bench [--pings N] [--containers N]
import DockerEngine
import Foundation

struct BenchmarkOptions {
    var pings = 2000
    var containers = 10

    init(arguments: [String]) {
        var remaining = arguments.dropFirst()
        while let argument = remaining.popFirst() {
            switch argument {
            case "--pings": pings = remaining.popFirst().flatMap(Int.init) ?? pings
            case "--containers": containers = remaining.popFirst().flatMap(Int.init) ?? containers
            default:
                FileHandle.standardError.write(Data("usage: engine-bench [--pings N] [--containers N]\n".utf8))
                exit(2)
            }
        }
    }
}

/// A row of the result table.
struct Measurement {
    var name: String
    var value: String
}

enum Bench {
    static let imageRepository = "hind-bench/busybox"
    static let imageTag = "1"

    static func main() async {
        let options = BenchmarkOptions(arguments: CommandLine.arguments)
        do {
            let client = try await DockerClient.connect()
            let labels = ["io.hind.bench": "bench-\(UUID().uuidString.prefix(8).lowercased())"]
            var rows: [Measurement] = []
            do {
                rows += try await pingThroughput(client, count: options.pings)
                let image = try await ensureImage(client)
                rows += try await containerStartup(client, image: image, count: options.containers, labels: labels)
            } catch {
                await removeAll(labeled: labels, client)
                throw error
            }
            await removeAll(labeled: labels, client)

            let ping = try await client.ping()
            print("Engine: \(ping.server ?? "unknown"), API \(client.apiVersion) on \(client.endpoint.socketPath)\n")
            print("| measurement | result |")
            print("|---|---|")
            for row in rows { print("| \(row.name) | \(row.value) |") }
        } catch {
            FileHandle.standardError.write(Data("engine-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func pingThroughput(_ client: DockerClient, count: Int) async throws -> [Measurement] {
        // Warm up: threads and keep-alive connections exist before measuring.
        for _ in 0..<20 { _ = try await client.ping() }

        let sequential = try await measure {
            for _ in 0..<count { _ = try await client.ping() }
        }
        let callers = 8
        let concurrent = try await measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<callers {
                    group.addTask {
                        for _ in 0..<(count / callers) { _ = try await client.ping() }
                    }
                }
                try await group.waitForAll()
            }
        }
        let perSecond = { (duration: Duration) in String(format: "%.0f req/s", Double(count) / duration.seconds) }
        return [
            Measurement(name: "`GET /_ping`, 1 caller (\(count) requests)", value: perSecond(sequential)),
            Measurement(name: "`GET /_ping`, \(callers) concurrent callers (\(count) requests)", value: perSecond(concurrent)),
        ]
    }

    static func containerStartup(_ client: DockerClient, image: String, count: Int, labels: [String: String]) async throws -> [Measurement] {
        let spec = ContainerSpec(image: image, cmd: ["sleep", "300"], labels: labels, networkMode: "none", stopSignal: "SIGKILL")
        let sequential = try await measure {
            for _ in 0..<count {
                let id = try await client.createContainer(spec: spec)
                try await client.startContainer(id: id)
            }
        }
        await removeAll(labeled: labels, client)
        let parallel = try await measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<count {
                    group.addTask {
                        let id = try await client.createContainer(spec: spec)
                        try await client.startContainer(id: id)
                    }
                }
                try await group.waitForAll()
            }
        }
        let seconds = { (duration: Duration) in String(format: "%.2f s", duration.seconds) }
        return [
            Measurement(name: "create + start \(count) containers, sequentially", value: seconds(sequential)),
            Measurement(name: "create + start \(count) containers, in parallel", value: seconds(parallel)),
        ]
    }

    /// A tiny image from the host's static busybox (Debian package `busybox-static`).
    static func ensureImage(_ client: DockerClient) async throws -> String {
        let reference = "\(imageRepository):\(imageTag)"
        do {
            _ = try await client.inspectImage(reference: reference)
        } catch DockerError.notFound {
            guard let binary = FileManager.default.contents(atPath: "/bin/busybox") else {
                throw BenchError("/bin/busybox not found: install the Debian package busybox-static")
            }
            let rootfs = TarArchive(entries: [
                .directory("bin"),
                .file("bin/busybox", contents: Array(binary), mode: 0o755),
                .symlink("bin/sh", to: "busybox"),
                .symlink("bin/sleep", to: "busybox"),
            ])
            try await client.importImage(tar: rootfs.encoded(), repository: imageRepository, tag: imageTag, changes: ["ENV PATH=/bin"])
        }
        return reference
    }

    static func removeAll(labeled labels: [String: String], _ client: DockerClient) async {
        guard let containers = try? await client.listContainers(labels: labels, all: true) else { return }
        await withTaskGroup(of: Void.self) { group in
            for container in containers {
                group.addTask { try? await client.removeContainer(id: container.id, force: true, removeVolumes: true) }
            }
        }
    }

    static func measure(_ body: () async throws -> Void) async throws -> Duration {
        let start = ContinuousClock.now
        try await body()
        return ContinuousClock.now - start
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

await Bench.main()
