import Yams

/// Renders a topology as Kubernetes manifests that `kubectl apply -f DIR` runs as the
/// same cluster, in whatever namespace the user applies them to (none is named):
///
/// - `config.yaml`: two ConfigMaps, the config every node shares (`*-site.xml`,
///   `log4j.properties`, the exclude files) mounted at `/hind/conf`, and the launchers,
///   one key per node, mounted at `/hind/launcher.sh`;
/// - one file per node: a headless Service named after the node (so `namenode`,
///   `worker-1` … resolve as in a Docker cluster; not-ready addresses are published,
///   since a launcher waits for its peers' names before they are ready) and a
///   StatefulSet of one replica, ``NodeContainer`` field by field: image, launcher as
///   entry point, environment, the launcher's health check as readiness probe, the
///   memory limit, the same capabilities, and a PersistentVolumeClaim for the data.
///
/// Validated against the Kubernetes schemas offline (`kubernetes-validate`), not run
/// here: this project has no Kubernetes server.
public enum KubernetesManifests {
    /// The storage each node's data claims (the cluster's default StorageClass).
    public static let storageRequest = "10Gi"
    static let configName = "config", launchersName = "launchers"

    /// What a Kubernetes cluster of hind cannot run yet, or nil.
    public static func unsupported(_ spec: ClusterSpec) -> String? {
        if spec.ha != nil { return "--ha (its fixed addresses and hosts entries are the Docker engine's)" }
        if spec.racks != nil { return "--racks (the topology script resolves addresses through the Docker engine's DNS)" }
        if spec.distribution != nil { return "--dist (a host directory other Kubernetes nodes lack)" }
        return nil
    }

    /// The manifests, `config.yaml` first, then one file per node.
    public static func render(_ rendered: RenderedCluster) throws -> [RenderedCluster.File] {
        let topology = rendered.topology
        let name = "\(topology.name)"
        var files = [RenderedCluster.File(path: "config.yaml", contents: try document(header(topology), [
            configMap("\(name)-\(configName)", topology: topology, data: rendered.configFiles.map { ($0.path.replacingOccurrences(of: "conf/", with: ""), $0.contents) }),
            configMap("\(name)-\(launchersName)", topology: topology, data: topology.nodes.map { ("\($0.name).sh", rendered.launchers[$0.name]!.contents) }),
        ]), mode: 0o644)]
        for node in topology.nodes {
            let container = NodeContainer(node: node, in: topology, ordering: .launchersWait)
            files.append(RenderedCluster.File(path: "\(node.name).yaml", contents: try document(header(topology), [
                service(node, container: container, topology: topology),
                statefulSet(node, container: container, topology: topology, rendered: rendered),
            ]), mode: 0o644))
        }
        return files
    }

    static func header(_ topology: Topology) -> String {
        """
        # Kubernetes manifests of hind cluster '\(topology.name)', rendered by `hind render --format kubernetes`.
        # Apply:   kubectl apply -f DIR      Remove: kubectl delete -f DIR (and its PersistentVolumeClaims)
        # Validated against the Kubernetes schemas, not run by hind's tests.

        """
    }

    static func document(_ header: String, _ objects: [Yams.Node]) throws -> String {
        header + (try objects.map { try Yams.serialize(node: $0, width: -1) }.joined(separator: "---\n"))
    }

    static func metadata(_ name: String, topology: Topology, labels: [String: String] = [:]) -> Yams.Node {
        YAMLBuilder.map([
            ("name", YAMLBuilder.string(name)),
            ("labels", YAMLBuilder.map(sorted: kubernetesLabels(topology.labels.merging(labels) { $1 }))),
        ])
    }

    /// Kubernetes label values: at most 63 of `[A-Za-z0-9._-]`; hind's keys already fit.
    static func kubernetesLabels(_ labels: [String: String]) -> [String: String] {
        labels.filter { _, value in value.count <= 63 && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) } }
    }

    static func configMap(_ name: String, topology: Topology, data: [(String, String)]) -> Yams.Node {
        YAMLBuilder.map([
            ("apiVersion", YAMLBuilder.string("v1")),
            ("kind", YAMLBuilder.string("ConfigMap")),
            ("metadata", metadata(name, topology: topology)),
            ("data", YAMLBuilder.map(data.map { ($0.0, YAMLBuilder.string($0.1)) })),
        ])
    }

    /// The pods of a node, selected by cluster and node.
    static func selector(_ node: Node) -> [String: String] {
        kubernetesLabels([ClusterLabels.cluster: node.labels[ClusterLabels.cluster] ?? "", ClusterLabels.node: node.name])
    }

    static func ports(_ node: Node, topology: Topology) -> [(name: String, port: Int)] {
        node.daemons.flatMap { daemon in
            topology.spec.ports.listening(daemon).enumerated().map { index, port in
                (String("\(daemon.rawValue.prefix(10))-\(index)"), port)
            }
        }
    }

    static func service(_ node: Node, container: NodeContainer, topology: Topology) -> Yams.Node {
        YAMLBuilder.map([
            ("apiVersion", YAMLBuilder.string("v1")),
            ("kind", YAMLBuilder.string("Service")),
            ("metadata", metadata(node.hostname, topology: topology, labels: [ClusterLabels.node: node.name])),
            ("spec", YAMLBuilder.map([
                ("clusterIP", YAMLBuilder.string("None")),
                ("publishNotReadyAddresses", YAMLBuilder.bool(true)),
                ("selector", YAMLBuilder.map(sorted: selector(node))),
                ("ports", YAMLBuilder.list(ports(node, topology: topology).map { port in
                    YAMLBuilder.map([("name", YAMLBuilder.string(port.name)), ("port", YAMLBuilder.int(port.port))])
                })),
            ])),
        ])
    }

    static func statefulSet(_ node: Node, container: NodeContainer, topology: Topology, rendered: RenderedCluster) -> Yams.Node {
        let name = "\(topology.name)"
        let seconds = { (duration: Duration) in YAMLBuilder.int(duration.components.seconds) }
        let probe = YAMLBuilder.map([
            ("exec", YAMLBuilder.map([("command", YAMLBuilder.strings(container.health.command))])),
            ("periodSeconds", seconds(container.health.interval)),
            ("timeoutSeconds", seconds(container.health.timeout)),
            ("failureThreshold", YAMLBuilder.int(container.health.retries)),
        ])
        var capabilities: [(String, Yams.Node?)] = [("drop", YAMLBuilder.strings(container.droppedCapabilities))]
        if !container.addedCapabilities.isEmpty { capabilities.append(("add", YAMLBuilder.strings(container.addedCapabilities))) }
        let user = container.user.map { _ in YAMLBuilder.int(0) }
        let executables = rendered.configFiles.filter { $0.mode & 0o111 != 0 }
        let configItems: Yams.Node? = executables.isEmpty ? nil : YAMLBuilder.list(rendered.configFiles.map { file in
            let key = file.path.replacingOccurrences(of: "conf/", with: "")
            return YAMLBuilder.map([("key", YAMLBuilder.string(key)), ("path", YAMLBuilder.string(key)), ("mode", YAMLBuilder.int(file.mode))])
        })
        let dataVolume = "data"
        let podSpec = YAMLBuilder.map([
            ("terminationGracePeriodSeconds", seconds(container.stopGracePeriod)),
            ("containers", YAMLBuilder.list([YAMLBuilder.map([
                ("name", YAMLBuilder.string(node.name)),
                ("image", YAMLBuilder.string(container.image)),
                ("command", YAMLBuilder.strings(container.entrypoint)),
                ("args", YAMLBuilder.strings(container.command)),
                ("env", YAMLBuilder.list(container.environment.keys.sorted().map { key in
                    YAMLBuilder.map([("name", YAMLBuilder.string(key)), ("value", YAMLBuilder.string(container.environment[key]!))])
                })),
                ("ports", YAMLBuilder.list(ports(node, topology: topology).map { port in
                    YAMLBuilder.map([("name", YAMLBuilder.string(port.name)), ("containerPort", YAMLBuilder.int(port.port))])
                })),
                ("readinessProbe", probe),
                ("resources", YAMLBuilder.map([
                    ("requests", YAMLBuilder.map([("memory", YAMLBuilder.string("\(container.memoryLimit.megabytes)Mi"))])),
                    ("limits", YAMLBuilder.map([("memory", YAMLBuilder.string("\(container.memoryLimit.megabytes)Mi"))])),
                ])),
                ("securityContext", YAMLBuilder.map([
                    ("runAsUser", user),
                    ("allowPrivilegeEscalation", YAMLBuilder.bool(false)),
                    ("capabilities", YAMLBuilder.map(capabilities)),
                ])),
                ("volumeMounts", YAMLBuilder.list([
                    YAMLBuilder.map([("name", YAMLBuilder.string(configName)), ("mountPath", YAMLBuilder.string(LauncherScript.renderedConfigDirectory)), ("readOnly", YAMLBuilder.bool(true))]),
                    YAMLBuilder.map([("name", YAMLBuilder.string(launchersName)), ("mountPath", YAMLBuilder.string(LauncherScript.path)),
                                     ("subPath", YAMLBuilder.string("\(node.name).sh")), ("readOnly", YAMLBuilder.bool(true))]),
                    YAMLBuilder.map([("name", YAMLBuilder.string(dataVolume)), ("mountPath", YAMLBuilder.string(topology.spec.image.dataDirectory))]),
                ])),
            ])])),
            ("volumes", YAMLBuilder.list([
                YAMLBuilder.map([("name", YAMLBuilder.string(configName)), ("configMap", YAMLBuilder.map([
                    ("name", YAMLBuilder.string("\(name)-\(configName)")), ("items", configItems),
                ]))]),
                YAMLBuilder.map([("name", YAMLBuilder.string(launchersName)), ("configMap", YAMLBuilder.map([
                    ("name", YAMLBuilder.string("\(name)-\(launchersName)")), ("defaultMode", YAMLBuilder.int(0o755)),
                ]))]),
            ])),
        ])
        return YAMLBuilder.map([
            ("apiVersion", YAMLBuilder.string("apps/v1")),
            ("kind", YAMLBuilder.string("StatefulSet")),
            ("metadata", metadata(node.containerName, topology: topology, labels: [ClusterLabels.node: node.name])),
            ("spec", YAMLBuilder.map([
                ("serviceName", YAMLBuilder.string(node.hostname)),
                ("replicas", YAMLBuilder.int(1)),
                ("selector", YAMLBuilder.map([("matchLabels", YAMLBuilder.map(sorted: selector(node)))])),
                ("template", YAMLBuilder.map([
                    ("metadata", YAMLBuilder.map([("labels", YAMLBuilder.map(sorted: kubernetesLabels(node.labels)))])),
                    ("spec", podSpec),
                ])),
                ("volumeClaimTemplates", YAMLBuilder.list([YAMLBuilder.map([
                    ("metadata", YAMLBuilder.map([("name", YAMLBuilder.string(dataVolume))])),
                    ("spec", YAMLBuilder.map([
                        ("accessModes", YAMLBuilder.strings(["ReadWriteOnce"])),
                        ("resources", YAMLBuilder.map([("requests", YAMLBuilder.map([("storage", YAMLBuilder.string(storageRequest))]))])),
                    ])),
                ])])),
            ])),
        ])
    }
}
