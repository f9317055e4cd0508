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
            ("services", YAMLBuilder.map(topology.nodes.map { ($0.name, service($0, topology)) })),
            ("volumes", YAMLBuilder.map(topology.nodes.map { node in
                (node.name + "-data", YAMLBuilder.map([
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

    static func service(_ node: Node, _ topology: Topology) -> Yams.Node {
        let spec = topology.spec
        var volumes: [Yams.Node] = [
            bind("./launchers/\(node.name).sh", LauncherScript.path),
            bind("./conf", LauncherScript.renderedConfigDirectory),
            YAMLBuilder.map([
                ("type", YAMLBuilder.string("volume")),
                ("source", YAMLBuilder.string(node.name + "-data")),
                ("target", YAMLBuilder.string(spec.image.dataDirectory)),
            ]),
        ]
        if let distribution = spec.distribution {
            volumes.append(bind(distribution, ContainerLayout.hadoopHome))
        }
        let dependsOn: Yams.Node? = node.dependsOn.isEmpty ? nil : YAMLBuilder.map(node.dependsOn.map { name in
            (name, YAMLBuilder.map([("condition", YAMLBuilder.string("service_healthy"))]))
        })
        let health = ContainerLayout.health(of: node, in: topology)
        return YAMLBuilder.map([
            ("image", YAMLBuilder.string(spec.image.reference)),
            ("container_name", YAMLBuilder.string(node.containerName)),
            ("hostname", YAMLBuilder.string(node.hostname)),
            ("entrypoint", YAMLBuilder.strings(ContainerLayout.entrypoint)),
            ("command", YAMLBuilder.strings(["run"])),
            ("environment", YAMLBuilder.map(sorted: ContainerLayout.environment)),
            ("user", spec.image.user.map(YAMLBuilder.string)),
            ("init", YAMLBuilder.bool(true)),
            ("cap_drop", YAMLBuilder.strings(ContainerLayout.droppedCapabilities)),
            ("security_opt", YAMLBuilder.strings(ContainerLayout.securityOptions)),
            ("mem_limit", YAMLBuilder.string(spec.memory.description)),
            ("cpu_shares", ContainerLayout.cpuShares(of: node, in: topology).map(YAMLBuilder.int)),
            ("labels", YAMLBuilder.map(sorted: node.labels)),
            ("networks", YAMLBuilder.map([
                (networkKey, YAMLBuilder.map([("aliases", YAMLBuilder.strings([node.hostname]))])),
            ])),
            ("ports", node.published.isEmpty ? nil : YAMLBuilder.strings(node.published.map(portString))),
            ("volumes", YAMLBuilder.list(volumes)),
            ("healthcheck", YAMLBuilder.map([
                ("test", YAMLBuilder.strings(["CMD"] + ContainerLayout.healthCommand)),
                ("interval", YAMLBuilder.duration(health.interval)),
                ("timeout", YAMLBuilder.duration(ContainerLayout.healthTimeout)),
                ("retries", YAMLBuilder.int(health.retries)),
            ])),
            ("depends_on", dependsOn),
            ("stop_grace_period", YAMLBuilder.duration(ContainerLayout.stopGracePeriod)),
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
