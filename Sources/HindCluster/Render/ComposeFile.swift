import Yams

/// Renders a topology as a Compose file that `docker-compose -p NAME -f compose.yaml up`
/// runs as the same cluster `hind up` creates: same container names, hostnames, aliases,
/// volumes, network, labels, health checks and published ports.
///
/// Written for Compose 1.29 as well as Compose v2: no top-level `name:`, no `version:`.
public enum ComposeFile {
    /// The network key inside the file; its real name is `Topology.networkName`.
    static let networkKey = "hadoop"

    /// The file's YAML, behind a comment header that says how to run it.
    public static func render(_ topology: Topology) throws -> String {
        let header = """
            # Compose file of hind cluster '\(topology.name)', rendered by `hind render`.
            # Run it:  docker-compose -p \(topology.name) -f compose.yaml up -d
            # Remove:  docker-compose -p \(topology.name) -f compose.yaml down -v

            """
        return header + (try Yams.serialize(node: document(topology), width: -1))
    }

    static func document(_ topology: Topology) -> Yams.Node {
        YAMLBuilder.map([
            ("services", YAMLBuilder.map(topology.nodes.map { node in
                (node.name, service(NodeContainer(node: node, in: topology, ordering: .afterHealthyDependencies), launcher: node.name))
            })),
            ("volumes", YAMLBuilder.map(topology.nodes.map { node in
                (node.volumeName, YAMLBuilder.map([
                    ("name", YAMLBuilder.string(node.volumeName)),
                    ("labels", YAMLBuilder.map(sorted: topology.labels)),
                ]))
            })),
            ("networks", YAMLBuilder.map([
                (networkKey, YAMLBuilder.map([
                    ("name", YAMLBuilder.string(topology.networkName)),
                    ("labels", YAMLBuilder.map(sorted: topology.labels)),
                ])),
            ])),
        ])
    }

    /// The service of one container: ``NodeContainer`` field by field, plus read-only
    /// binds of the project's launcher and config (how the files reach a Compose
    /// container). Volumes are keyed by their real names.
    static func service(_ container: NodeContainer, launcher: String) -> Yams.Node {
        var volumes: [Yams.Node] = [
            bind("./launchers/\(launcher).sh", LauncherScript.path),
            bind("./conf", LauncherScript.renderedConfigDirectory),
        ]
        for mount in container.mounts {
            switch mount {
            case let .volume(name, target):
                volumes.append(YAMLBuilder.map([
                    ("type", YAMLBuilder.string("volume")),
                    ("source", YAMLBuilder.string(name)),
                    ("target", YAMLBuilder.string(target)),
                ]))
            case let .bind(source, target):
                volumes.append(bind(source, target))
            }
        }
        let dependsOn: Yams.Node? = container.startsAfterHealthy.isEmpty ? nil : YAMLBuilder.map(container.startsAfterHealthy.map { name in
            (name, YAMLBuilder.map([("condition", YAMLBuilder.string("service_healthy"))]))
        })
        return YAMLBuilder.map([
            ("image", YAMLBuilder.string(container.image)),
            ("container_name", YAMLBuilder.string(container.name)),
            ("hostname", YAMLBuilder.string(container.hostname)),
            ("entrypoint", YAMLBuilder.strings(container.entrypoint)),
            ("command", YAMLBuilder.strings(container.command)),
            ("environment", YAMLBuilder.map(sorted: container.environment)),
            ("user", container.user.map(YAMLBuilder.string)),
            ("init", YAMLBuilder.bool(container.initProcess)),
            ("cap_drop", YAMLBuilder.strings(container.droppedCapabilities)),
            ("cap_add", container.addedCapabilities.isEmpty ? nil : YAMLBuilder.strings(container.addedCapabilities)),
            ("security_opt", YAMLBuilder.strings(container.securityOptions)),
            ("mem_limit", YAMLBuilder.string(container.memoryLimit.description)),
            ("cpu_shares", container.cpuShares.map(YAMLBuilder.int)),
            ("pids_limit", YAMLBuilder.int(container.pidsLimit)),
            ("labels", YAMLBuilder.map(sorted: container.labels)),
            ("networks", YAMLBuilder.map([
                (networkKey, YAMLBuilder.map([("aliases", YAMLBuilder.strings(container.aliases))])),
            ])),
            ("ports", container.published.isEmpty ? nil : YAMLBuilder.strings(container.published.map(portString))),
            ("volumes", YAMLBuilder.list(volumes)),
            ("healthcheck", YAMLBuilder.map([
                ("test", YAMLBuilder.strings(["CMD"] + container.health.command)),
                ("interval", YAMLBuilder.duration(container.health.interval)),
                ("timeout", YAMLBuilder.duration(container.health.timeout)),
                ("retries", YAMLBuilder.int(container.health.retries)),
            ])),
            ("depends_on", dependsOn),
            ("stop_grace_period", YAMLBuilder.duration(container.stopGracePeriod)),
        ])
    }

    static func bind(_ source: String, _ target: String) -> Yams.Node {
        YAMLBuilder.map([
            ("type", YAMLBuilder.string("bind")),
            ("source", YAMLBuilder.string(source)),
            ("target", YAMLBuilder.string(target)),
            ("read_only", YAMLBuilder.bool(true)),
        ])
    }

    /// `127.0.0.1::9870` (engine picks the host port) or `127.0.0.1:19870:9870`.
    static func portString(_ port: PublishedPort) -> String {
        "\(port.hostIP):\(port.hostPort.map(String.init) ?? ""):\(port.containerPort)"
    }
}
