import DockerEngine
import Foundation
import HindTestSupport
import Testing

/// Against the real engine: every object carries `io.hind.test=<run id>` and is
/// removed at the end of its test, failed or not.
@Suite(.requiresDockerEngine)
struct EngineLifecycleTests {
    @Test func pingsAndNegotiates() async throws {
        let client = try await TestEngine.client()
        let ping = try await client.ping()
        let server = try #require(ping.apiVersion)
        #expect(client.apiVersion == min(server, .maximumSupported))
        #expect(client.apiVersion >= .minimumSupported)
        let version = try await client.version()
        #expect(!version.version.isEmpty)
        #expect(APIVersion(version.apiVersion) == server)
    }

    @Test func containerOnALabelledNetworkExecsLogsAndCopiesFiles() async throws {
        try await TestEngine.withLabeledObjects(prefix: "life") { client, labels in
            let image = try await BusyboxImage.ensure(using: client)
            let runID = labels[TestEngine.labelKey]!

            let networkID = try await client.createNetwork(NetworkSpec(name: "\(runID)-net", labels: labels))
            #expect(try await client.listNetworks(labels: labels).map(\.id) == [networkID])
            await #expect(throws: DockerError.self) {
                try await client.createNetwork(NetworkSpec(name: "\(runID)-net", labels: labels))
            }

            let volume = try await client.createVolume(VolumeSpec(name: "\(runID)-data", labels: labels))
            #expect(try await client.listVolumes(labels: labels).map(\.name) == [volume.name])

            let name = "\(runID)-box"
            let id = try await client.createContainer(name: name, spec: ContainerSpec(
                image: image,
                cmd: ["sh", "-c", "echo started; echo warming >&2; exec sleep 300"],
                env: ["HIND_TEST=1"],
                labels: labels,
                hostname: "box",
                healthcheck: .shell("true", interval: .seconds(1), timeout: .seconds(1), retries: 2),
                mounts: [.volume(volume.name, at: "/data")],
                tmpfs: ["/scratch": ""],
                memoryLimit: 64 << 20,
                initProcess: true,
                networkMode: "\(runID)-net",
                networks: ["\(runID)-net": NetworkAttachment(aliases: ["box-alias"])],
                stopSignal: "SIGKILL",
                stopTimeout: 1
            ))
            await #expect(throws: DockerError.self) {
                try await client.createContainer(name: name, spec: ContainerSpec(image: image, labels: labels))
            }

            // Files placed before start, as the provisioner does with rendered config.
            let upload = TarArchive(entries: [
                .directory("conf"),
                .file("conf/site.xml", text: "<configuration/>\n", mode: 0o640, uid: 0, gid: 0),
            ])
            try await client.putArchive(container: id, path: "/tmp", archive: upload)

            try await client.startContainer(id: id)
            try await client.startContainer(id: id)  // 304: already running, still a success

            let inspect = try await client.inspectContainer(id: name)
            #expect(inspect.id == id)
            #expect(inspect.name == name)
            #expect(inspect.state.running)
            #expect(inspect.config.labels.merging(labels) { $1 } == inspect.config.labels)
            #expect(inspect.config.hostname == "box")
            #expect(inspect.networkSettings.networks["\(runID)-net"]?.aliases.contains("box-alias") == true)
            #expect(inspect.mounts.contains { $0.name == volume.name && $0.destination == "/data" })

            let result = try await client.exec(container: id, cmd: ["sh", "-c", "echo out; echo err >&2; cat /tmp/conf/site.xml; exit 3"])
            #expect(result.exitCode == 3)
            #expect(result.stdoutText == "out\n<configuration/>\n")
            #expect(result.stderrText == "err\n")

            let environment = try await client.exec(container: id, cmd: ["sh", "-c", "echo $HIND_TEST $EXTRA; pwd"], env: ["EXTRA=x"], workingDir: "/tmp")
            #expect(environment.stdoutText == "1 x\n/tmp\n")
            #expect(environment.exitCode == 0)

            var stdout = ""
            var stderr = ""
            for try await chunk in try await client.logs(container: id) {
                switch chunk.stream {
                case .stdout: stdout += chunk.text
                case .stderr: stderr += chunk.text
                case .stdin: break
                }
            }
            #expect(stdout == "started\n")
            #expect(stderr == "warming\n")

            let downloaded = try TarArchive(decoding: try await client.getArchive(container: id, path: "/tmp/conf"))
            let file = try #require(downloaded.entry(at: "conf/site.xml"))
            #expect(file.text == "<configuration/>\n")
            #expect(file.mode & 0o777 == 0o640)

            try await waitUntilHealthy(id, client: client)
            await #expect(throws: DockerError.self) { try await client.removeNetwork(id: networkID) }

            try await client.stopContainer(id: id, timeout: 1)
            try await client.stopContainer(id: id, timeout: 1)  // 304: already stopped
            let stopped = try await client.inspectContainer(id: id)
            #expect(!stopped.state.running)
            #expect(stopped.state.status == "exited")
            #expect(try await client.waitContainer(id: id) == stopped.state.exitCode)

            try await client.removeContainer(id: id, force: true, removeVolumes: true)
            await #expect(throws: DockerError.notFound(message: "No such container: \(id)")) {
                try await client.inspectContainer(id: id)
            }
            try await client.removeNetwork(id: networkID)
            try await client.removeVolume(name: volume.name)
            #expect(try await client.listContainers(labels: labels).isEmpty)
            #expect(try await client.listNetworks(labels: labels).isEmpty)
            #expect(try await client.listVolumes(labels: labels).isEmpty)
        }
    }

    @Test func publishedEphemeralPortAnswersOverHTTP() async throws {
        try await TestEngine.withLabeledObjects(prefix: "port") { client, labels in
            let image = try await BusyboxImage.ensure(using: client)
            let network = labels[TestEngine.labelKey]! + "-net"
            try await client.createNetwork(NetworkSpec(name: network, labels: labels))
            let id = try await client.createContainer(spec: ContainerSpec(
                image: image,
                cmd: ["sh", "-c", "mkdir -p /www/sub && echo hello-from-busybox > /www/index.html && echo sub > /www/sub/index.html && exec httpd -f -p 8080 -h /www"],
                labels: labels,
                publishedPorts: [PortPublication(ContainerPort(8080))],
                networkMode: network
            ))
            try await client.startContainer(id: id)
            let inspect = try await client.inspectContainer(id: id)
            let hostPort = try #require(inspect.hostPort(for: ContainerPort(8080)))
            #expect(hostPort > 0)

            var answer: (status: Int, body: [UInt8])?
            for _ in 0..<50 where answer == nil {
                answer = try? await HTTPGetter().get("http://127.0.0.1:\(hostPort)/index.html", timeout: .seconds(2))
                if answer == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            let response = try #require(answer)
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "hello-from-busybox\n")
            let missing = try await httpGet(url: "http://127.0.0.1:\(hostPort)/missing", timeout: .seconds(2))
            #expect(missing.status == 404)
            // A directory without its slash is redirected; following lands on its index.
            let redirect = try await HTTPGetter().get("http://127.0.0.1:\(hostPort)/sub", timeout: .seconds(2))
            #expect((300..<400).contains(redirect.status))
            let followed = try await HTTPGetter().get("http://127.0.0.1:\(hostPort)/sub", timeout: .seconds(2), followRedirects: true)
            #expect(followed.status == 200)
            #expect(String(decoding: followed.body, as: UTF8.self) == "sub\n")
        }
    }

    @Test func createsContainersInParallel() async throws {
        let labels = try await TestEngine.withLabeledObjects(prefix: "par") { client, labels in
            let image = try await BusyboxImage.ensure(using: client)
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        let id = try await client.createContainer(spec: ContainerSpec(
                            image: image, cmd: ["sleep", "60"], labels: labels.merging(["index": "\(index)"]) { $1 }, networkMode: "none"
                        ))
                        try await client.startContainer(id: id)
                        return id
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(ids).count == 10)
            let listed = try await client.listContainers(labels: labels, all: false)
            #expect(Set(listed.map(\.id)) == Set(ids))
            #expect(listed.allSatisfy { $0.state == "running" })
            return labels
        }
        // withLabeledObjects removed them; nothing carrying the label is left.
        #expect(try await TestEngine.client().listContainers(labels: labels, all: true).isEmpty)
    }

    /// What ends the stream is the cancellation, not the container (it sleeps 300 s and is
    /// still running afterwards); the time limit only guards against a hang.
    @Test(.timeLimit(.minutes(1))) func cancellingAFollowedLogStreamEndsIt() async throws {
        try await TestEngine.withLabeledObjects(prefix: "follow") { client, labels in
            let image = try await BusyboxImage.ensure(using: client)
            let id = try await client.createContainer(spec: ContainerSpec(
                image: image, cmd: ["sh", "-c", "echo first; exec sleep 300"], labels: labels, networkMode: "none"
            ))
            try await client.startContainer(id: id)

            let firstLine = AsyncStream<String>.makeStream()
            let follower = Task {
                var received = ""
                for try await chunk in try await client.logs(container: id, options: LogOptions(follow: true)) {
                    received += chunk.text
                    firstLine.continuation.yield(received)
                }
                return received
            }
            var iterator = firstLine.stream.makeAsyncIterator()
            #expect(await iterator.next() == "first\n")

            follower.cancel()
            _ = await follower.result
            #expect(try await client.inspectContainer(id: id).state.running)
        }
    }

    /// The wait can only end by cancellation: the container sleeps 300 s and still runs after.
    @Test(.timeLimit(.minutes(1))) func cancellingAWaitAbortsTheRequest() async throws {
        try await TestEngine.withLabeledObjects(prefix: "wait") { client, labels in
            let image = try await BusyboxImage.ensure(using: client)
            let id = try await client.createContainer(spec: ContainerSpec(
                image: image, cmd: ["sleep", "300"], labels: labels, networkMode: "none"
            ))
            try await client.startContainer(id: id)
            let waiter = Task { try await client.waitContainer(id: id) }
            try await Task.sleep(for: .milliseconds(300))
            waiter.cancel()
            await #expect(throws: DockerError.cancelled) { try await waiter.value }
            #expect(try await client.inspectContainer(id: id).state.running)
        }
    }

    @Test func eventsFilteredByLabelArrive() async throws {
        try await TestEngine.withLabeledObjects(prefix: "events") { client, labels in
            let image = try await BusyboxImage.ensure(using: client)
            // Replayed from a second ago: the engine answers the request before it subscribes,
            // so without `since` an event sent right after could be missed.
            let events = try await client.events(labels: labels, since: Int64(Date().timeIntervalSince1970) - 1)
            let collector = Task {
                var actions: [String] = []
                for try await event in events where event.type == "container" {
                    #expect(event.actor.attributes[TestEngine.labelKey] == labels[TestEngine.labelKey])
                    actions.append(event.action)
                    if event.action == "die" { break }
                }
                return actions
            }
            let id = try await client.createContainer(spec: ContainerSpec(image: image, cmd: ["true"], labels: labels, networkMode: "none"))
            // Another run's container must not come through the filter.
            try await TestEngine.withLabeledObjects(prefix: "events-other") { client, otherLabels in
                let other = try await client.createContainer(spec: ContainerSpec(image: image, cmd: ["true"], labels: otherLabels, networkMode: "none"))
                try await client.startContainer(id: other)
                try await client.startContainer(id: id)
                #expect(try await client.waitContainer(id: id) == 0)
            }

            let guardTask = Task {
                // Only a hang reaches this: the "die" event ends the collection.
                try await Task.sleep(for: .seconds(120))
                collector.cancel()
            }
            let actions = try await collector.value
            guardTask.cancel()
            #expect(actions.prefix(2) == ["create", "start"])
            #expect(actions.last == "die")
        }
    }
}

extension EngineLifecycleTests {
    func waitUntilHealthy(_ id: String, client: DockerClient) async throws {
        // Checked every second; up to 60 s for a machine busy with other work.
        for _ in 0..<600 {
            let health = try await client.inspectContainer(id: id).state.health
            if health?.status == "healthy" {
                #expect(health?.log.last?.exitCode == 0)
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("container \(id) did not become healthy")
    }
}
