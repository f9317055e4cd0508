import Foundation
import HindTestSupport
import Testing

/// `hind render --format kubernetes`: manifests valid against Kubernetes 1.31's schemas
/// (kubernetes-validate, strict), the files and objects expected, and what it refuses.
@Suite("Kubernetes render")
struct KubernetesRenderTests {
    static let validatorAvailable = ProcessInfo.processInfo.environment["CI"] == "true"
        || (try? HostCommand.run(["kubernetes-validate", "--version"]).status) == 0

    @Test(.enabled(if: validatorAvailable, "kubernetes-validate missing: run scripts/test, which installs it"), arguments: [
        ["-c", "3", "--image", "hind/hadoop:2.7.3-offline"],
        ["-c", "2", "--components", "hdfs,yarn,history", "--memory", "4g"],
        ["-c", "1", "--conf", "hdfs-site:dfs.namenode.http-address=0.0.0.0:50071", "--image", "hind/hadoop:2.7.3-offline"],
    ])
    func manifestsAreValidKubernetes(_ arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        let result = try HindProcess.run(["render", "--format", "kubernetes", "--name", "valid"] + arguments + ["--output-dir", directory.url.path],
                                         environment: ["DOCKER_HOST": "unix:///nonexistent/docker.sock"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("kubectl apply -f \(directory.url.path)"))
        let files = directory.files().map { directory.appending($0).path }
        let validated = try HostCommand.run(["kubernetes-validate", "--strict", "-k", "1.31.0"] + files)
        #expect(validated.status == 0, "\(validated.output)")
        #expect(!validated.output.contains("ERROR"), "\(validated.output)")
    }

    @Test func oneFilePerNodeWithServiceAndStatefulSet() throws {
        let directory = try TemporaryDirectory()
        _ = try HindProcess.run(["render", "--format", "kubernetes", "-c", "2", "--name", "demo", "--image", "hind/hadoop:2.7.3-offline",
                             "--memory", "1g", "--output-dir", directory.url.path])
        #expect(directory.files() == ["config.yaml", "namenode.yaml", "worker-1.yaml", "worker-2.yaml"])
        let worker = try String(contentsOf: directory.appending("worker-1.yaml"), encoding: .utf8)
        for fragment in ["kind: Service", "clusterIP: None", "publishNotReadyAddresses: true", "kind: StatefulSet",
                         "serviceName: worker-1", "- /hind/launcher.sh\n            - health", "memory: 1024Mi", "subPath: worker-1.sh",
                         "- CHOWN", "allowPrivilegeEscalation: false", "storage: 10Gi"] {
            #expect(worker.contains(fragment), "\(fragment)")
        }
        let config = try String(contentsOf: directory.appending("config.yaml"), encoding: .utf8)
        #expect(config.contains("name: demo-config") && config.contains("core-site.xml: ") && config.contains("name: demo-launchers"))
    }

    @Test(arguments: [
        (["--ha"], "--format kubernetes does not run --ha"),
        (["--racks", "2"], "--format kubernetes does not run --racks"),
        (["--format", "swarm"], "The value 'swarm' is invalid for '--format"),
    ])
    func unsupportedShapesAreRefused(_ arguments: [String], mentions: String) throws {
        let directory = try TemporaryDirectory()
        let output = directory.appending("out").path
        let format = arguments.contains("--format") ? [] : ["--format", "kubernetes"]
        let result = try HindProcess.run(["render", "-c", "2", "--output-dir", output] + format + arguments,
                                         environment: ["DOCKER_HOST": "unix:///nonexistent/docker.sock"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(mentions), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output), "nothing written")
    }
}
