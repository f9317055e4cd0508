import DockerEngine
import Foundation

/// A tiny image for engine tests, imported from the host's static busybox
/// (Debian package `busybox-static`): no registry needed.
public enum BusyboxImage {
    public static let repository = "hind-test/busybox"
    public static let tag = "2"
    public static var reference: String { "\(repository):\(tag)" }
    public static let hostBinary = "/bin/busybox"

    /// Applets linked into `/bin` (busybox runs the one named by its argv[0]).
    static let applets = [
        "sh", "cat", "echo", "ls", "mkdir", "rm", "sleep", "true", "false", "env", "printf",
        "id", "wc", "head", "tail", "hostname", "date", "kill", "ps", "tar", "grep", "sed", "nc", "wget", "httpd",
    ]

    /// The image's reference, importing it first if the engine does not have it.
    /// Safe to call from parallel tests (a duplicate import only re-tags the same content).
    @discardableResult
    public static func ensure(using client: DockerClient) async throws -> String {
        do {
            _ = try await client.inspectImage(reference: reference)
            return reference
        } catch DockerError.notFound {
            try await client.importImage(
                tar: try rootFilesystem().encoded(),
                repository: repository,
                tag: tag,
                changes: ["ENV PATH=/bin", #"CMD ["sh"]"#, "LABEL io.hind.test-image=busybox"]
            )
            return reference
        }
    }

    /// `/bin/busybox`, its applet links, and the directories a shell expects.
    static func rootFilesystem() throws -> TarArchive {
        guard let binary = FileManager.default.contents(atPath: hostBinary) else {
            throw MissingBusybox()
        }
        var archive = TarArchive(entries: [
            .directory("bin"),
            .directory("etc"),
            .directory("root", mode: 0o700),
            .directory("tmp", mode: 0o1777),
            .file("bin/busybox", contents: Array(binary), mode: 0o755),
        ])
        for applet in applets {
            archive.append(.symlink("bin/\(applet)", to: "busybox"))
        }
        return archive
    }

    struct MissingBusybox: Error, CustomStringConvertible {
        var description: String {
            "\(BusyboxImage.hostBinary) not found: install the Debian package busybox-static (scripts/test does)"
        }
    }
}
