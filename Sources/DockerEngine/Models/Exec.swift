/// A command to run in a running container (`POST /containers/{id}/exec`).
public struct ExecSpec: Sendable, Hashable, Encodable {
    public var cmd: [String]
    /// `KEY=value` pairs added to the container's environment.
    public var env: [String]
    public var user: String?
    public var workingDir: String?
    public var attachStdin: Bool
    public var attachStdout: Bool
    public var attachStderr: Bool
    public var tty: Bool
    public var privileged: Bool

    public init(
        cmd: [String],
        env: [String] = [],
        user: String? = nil,
        workingDir: String? = nil,
        attachStdin: Bool = false,
        attachStdout: Bool = true,
        attachStderr: Bool = true,
        tty: Bool = false,
        privileged: Bool = false
    ) {
        self.cmd = cmd
        self.env = env
        self.user = user
        self.workingDir = workingDir
        self.attachStdin = attachStdin
        self.attachStdout = attachStdout
        self.attachStderr = attachStderr
        self.tty = tty
        self.privileged = privileged
    }

    enum CodingKeys: String, CodingKey {
        case cmd = "Cmd", env = "Env", user = "User", workingDir = "WorkingDir", attachStdin = "AttachStdin"
        case attachStdout = "AttachStdout", attachStderr = "AttachStderr", tty = "Tty", privileged = "Privileged"
    }
}

/// An exec instance's state (`GET /exec/{id}/json`).
public struct ExecInspect: Sendable, Hashable, Decodable {
    public var id: String
    public var containerID: String
    public var running: Bool
    /// `nil` while the command runs.
    public var exitCode: Int?
    public var pid: Int

    public init(id: String, containerID: String = "", running: Bool = false, exitCode: Int? = nil, pid: Int = 0) {
        self.id = id
        self.containerID = containerID
        self.running = running
        self.exitCode = exitCode
        self.pid = pid
    }

    enum CodingKeys: String, CodingKey {
        case id = "ID", containerID = "ContainerID", running = "Running", exitCode = "ExitCode", pid = "Pid"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        containerID = try container.decode(.containerID, or: "")
        running = try container.decode(.running, or: false)
        exitCode = try container.decodeIfPresent(Int.self, forKey: .exitCode)
        pid = try container.decode(.pid, or: 0)
    }
}

/// The outcome of a command run to completion with `exec(container:cmd:)`.
public struct ExecResult: Sendable, Hashable {
    public var exitCode: Int
    public var stdout: [UInt8]
    public var stderr: [UInt8]

    public init(exitCode: Int, stdout: [UInt8] = [], stderr: [UInt8] = []) {
        self.exitCode = exitCode
        self.stdout = stdout
        self.stderr = stderr
    }

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}
