@testable import DockerEngine
import Foundation
import Testing

@Suite struct DockerErrorTests {
    static func body(_ message: String) -> [UInt8] { Array(#"{"message":"\#(message)"}"#.utf8) }

    @Test func mapsStatusesToActionableCases() {
        #expect(DockerError.from(status: 404, body: Self.body("No such container: x")) == .notFound(message: "No such container: x"))
        #expect(DockerError.from(status: 409, body: Self.body("name in use")) == .conflict(message: "name in use"))
        #expect(DockerError.from(status: 304, body: []) == .notModified(message: "HTTP 304"))
        #expect(DockerError.from(status: 500, body: Self.body("boom")) == .http(status: 500, message: "boom"))
        #expect(DockerError.from(status: 502, body: Array("bad gateway\n".utf8)) == .http(status: 502, message: "bad gateway"))
        #expect(DockerError.from(status: 404, body: []).statusCode == 404)
    }

    @Test func tooOldClientVersionIsVersionUnsupported() {
        let message = "client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version"
        #expect(DockerError.from(status: 400, body: Self.body(message)) == .versionUnsupported(server: "(refused our version)", minimum: "1.44"))
    }

    @Test func transportFailuresNameTheSocket() {
        let refused = TransportError(kind: .couldNotConnect, osErrno: ECONNREFUSED, message: "", url: "")
        #expect(DockerError.from(refused, socketPath: "/s", operation: "GET /x") == .engineUnreachable(socketPath: "/s", reason: "connection refused"))
        let missing = TransportError(kind: .couldNotConnect, osErrno: ENOENT, message: "", url: "")
        let error = DockerError.from(missing, socketPath: "/var/run/docker.sock", operation: "GET /_ping")
        #expect(error.description == "cannot reach the Docker engine at /var/run/docker.sock (no such file): start it with scripts/setup-engine or set DOCKER_HOST=unix:///path")
        let denied = TransportError(kind: .couldNotConnect, osErrno: EACCES, message: "", url: "")
        #expect(DockerError.from(denied, socketPath: "/s", operation: "") == .permissionDenied(socketPath: "/s"))
        #expect(DockerError.from(TransportError(kind: .timedOut, message: "", url: ""), socketPath: "/s", operation: "GET /x") == .timeout(operation: "GET /x on /s"))
        #expect(DockerError.from(TransportError(kind: .cancelled, message: "", url: ""), socketPath: "/s", operation: "") == .cancelled)
    }

    @Test func everyDescriptionIsOneLine() {
        let errors: [DockerError] = [
            .notFound(message: "m"), .conflict(message: "m"), .notModified(message: "m"),
            .engineUnreachable(socketPath: "/s", reason: "r"), .permissionDenied(socketPath: "/s"),
            .notAnEngine(socketPath: "/s", detail: "d"), .versionUnsupported(server: "1.30", minimum: "1.41"),
            .unsupportedEndpoint("tcp://x:2375"), .streamError(message: "m"), .timeout(operation: "o"),
            .cancelled, .http(status: 500, message: "m"), .transport(message: "m"), .invalidResponse(message: "m"),
        ]
        for error in errors {
            #expect(!error.description.contains("\n"))
            #expect(!error.description.isEmpty)
        }
    }
}

@Suite struct APIVersionTests {
    @Test func parsesAndComparesNumerically() {
        #expect(APIVersion("1.41") == APIVersion(major: 1, minor: 41))
        #expect(APIVersion("v1.9") == APIVersion(major: 1, minor: 9))
        #expect(APIVersion("1.9")! < APIVersion("1.41")!)
        #expect(APIVersion("1") == nil)
        #expect(APIVersion("1.x") == nil)
        #expect(APIVersion("1.41.2") == nil)
        #expect(APIVersion(major: 1, minor: 41).pathPrefix == "/v1.41")
    }

    @Test func negotiatesTheLowerOfBothMaxima() throws {
        #expect(try APIVersion.negotiate(server: APIVersion("1.41")) == APIVersion("1.41"))
        #expect(try APIVersion.negotiate(server: APIVersion("1.44")) == APIVersion("1.44"))
        // Engines 29.x: newer than us, and refusing < 1.44 — we speak our maximum.
        #expect(try APIVersion.negotiate(server: APIVersion("1.52")) == APIVersion.maximumSupported)
        #expect(try APIVersion.negotiate(server: nil) == APIVersion.minimumSupported)
        #expect(throws: DockerError.versionUnsupported(server: "1.40", minimum: "1.41")) {
            try APIVersion.negotiate(server: APIVersion("1.40"))
        }
    }
}

@Suite struct EngineEndpointTests {
    @Test func defaultsToTheStandardSocket() throws {
        #expect(try EngineEndpoint.fromEnvironment([:]).socketPath == "/var/run/docker.sock")
        #expect(try EngineEndpoint.fromEnvironment(["DOCKER_HOST": ""]).socketPath == "/var/run/docker.sock")
    }

    @Test func readsUnixDockerHost() throws {
        let endpoint = try EngineEndpoint.fromEnvironment(["DOCKER_HOST": "unix:///run/user/1000/podman/podman.sock"])
        #expect(endpoint.socketPath == "/run/user/1000/podman/podman.sock")
        #expect(endpoint.description == "unix:///run/user/1000/podman/podman.sock")
    }

    @Test(arguments: ["tcp://127.0.0.1:2375", "ssh://me@host", "unix://relative.sock", "/var/run/docker.sock"])
    func rejectsOtherHosts(host: String) {
        #expect(throws: DockerError.unsupportedEndpoint(host)) {
            try EngineEndpoint(dockerHost: host)
        }
    }

    @Test func unsupportedHostSaysWhatToDo() {
        let error = DockerError.unsupportedEndpoint("tcp://127.0.0.1:2375")
        #expect(error.description.contains("DOCKER_HOST=unix:///path"))
    }
}
