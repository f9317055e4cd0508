import HindCluster
import HindTestSupport
@testable import HindProvisioner
import Testing

/// `up`, `start` and `stop` as ordered steps on a fake provider: rollback on each failing
/// step, cancellation at each step, and `--retain`, in milliseconds.
@Suite("Provisioner use cases")
struct ClusterProvisionerTests {
    static let request = ClusterRequest(
        name: try! ClusterName("fake"), image: try! ImageReference(parsing: ImageProfile.offlineReference),
        shape: ClusterShape(workers: 2))

    static func provisioner(_ provider: FakeProvider) -> (ClusterProvisioner, RecordingProgress) {
        let progress = RecordingProgress()
        return (ClusterProvisioner(provider: provider, progress: progress), progress)
    }

    @Suite("up")
    struct Up {
        @Test func createsInOrderAndReturnsOnceHadoopSaysReady() async throws {
            let provider = FakeProvider(readyAfter: 3)
            let (provisioner, progress) = ClusterProvisionerTests.provisioner(provider)
            let status = try await provisioner.up(ClusterProvisionerTests.request)
            #expect(status.ready)
            // The user's home is made once the NameNode leaves safe mode, before ready.
            // The network and the volumes are made concurrently, in either order.
            let calls = provider.calls
            #expect(Array(calls.prefix(2)) == ["inventory", "resolveImage"])
            #expect(Set(calls.dropFirst(2).prefix(2)) == ["createNetwork", "createVolumes(namenode,worker-1,worker-2)"])
            #expect(Array(calls.dropFirst(4)) == [
                "createAndStartNodes(namenode,worker-1,worker-2)", "hadoop", "createHomeDirectory(hadoop)", "status",
            ])
            #expect(provider.objects.contains("fake-namenode") && provider.objects.contains("fake-worker-2-data"))
            #expect(progress.recorded.contains("✓ Waiting for Hadoop to report the cluster ready"))
            #expect(progress.recorded.contains("• 2 workers; hdfs; Hadoop 2.x; 2g per node"))
        }

        @Test func aHomeDirectoryThatCannotBeMadeIsReportedNotFatal() async throws {
            let provider = FakeProvider(failsHome: true)
            let (provisioner, progress) = ClusterProvisionerTests.provisioner(provider)
            #expect(try await provisioner.up(ClusterProvisionerTests.request).ready)
            #expect(progress.recorded.contains { $0.contains("could not create /user/hadoop in HDFS (WebHDFS answered 403)") })
            #expect(!provider.calls.contains("delete(run)"))
        }

        @Test(arguments: [FakeProvider.Step.networkAndVolumes, .nodes, .readiness])
        func aFailingStepRemovesWhatTheRunCreated(_ step: FakeProvider.Step) async throws {
            let provider = FakeProvider(failing: step)
            let (provisioner, progress) = ClusterProvisionerTests.provisioner(provider)
            let error = await #expect(throws: FakeProvider.Failure.self) { try await provisioner.up(ClusterProvisionerTests.request) }
            #expect(error?.step == step)
            #expect(provider.objects.isEmpty)
            #expect(provider.calls.filter { $0 == "delete(run)" }.count == 1)
            // The failing nodes' last log lines come before the removal.
            #expect(provider.calls.firstIndex(of: "diagnoses()")! < provider.calls.firstIndex(of: "delete(run)")!)
            #expect(progress.recorded.contains { $0.contains("the DataNode said goodbye") })
        }

        @Test(arguments: [FakeProvider.Step.networkAndVolumes, .nodes, .readiness])
        func retainKeepsWhatTheRunCreated(_ step: FakeProvider.Step) async throws {
            let provider = FakeProvider(failing: step)
            var request = ClusterProvisionerTests.request
            request.retain = true
            await #expect(throws: FakeProvider.Failure.self) { try await ClusterProvisionerTests.provisioner(provider).0.up(request) }
            #expect(!provider.objects.isEmpty)
            #expect(!provider.calls.contains("delete(run)"))
        }

        @Test func aFailingImageLeavesNothingToRemove() async throws {
            let provider = FakeProvider(failing: .image)
            await #expect(throws: FakeProvider.Failure.self) { try await ClusterProvisionerTests.provisioner(provider).0.up(ClusterProvisionerTests.request) }
            #expect(provider.calls == ["inventory", "resolveImage"])
        }

        @Test func aNodeThatExitsFailsAtOnceNamingIt() async throws {
            let provider = FakeProvider(readyAfter: nil, exitingNode: NodeExit(node: "worker-2", status: 3, oomKilled: false))
            let error = await #expect(throws: ProvisionError.self) { try await ClusterProvisionerTests.provisioner(provider).0.up(ClusterProvisionerTests.request) }
            guard case .nodeExited(let exit, _)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(exit.node == "worker-2" && exit.status == 3)
            #expect(provider.objects.isEmpty)
        }

        @Test func unhealthyNodeManagersEndTheWaitWithTheirReports() async throws {
            let provider = FakeProvider(readyAfter: nil, unhealthyReports: ["worker-1: 1/1 local-dirs are bad"])
            var request = ClusterProvisionerTests.request
            request.shape.components = [.hdfs, .yarn]
            request.image = try ImageReference(parsing: "apache/hadoop:3.4.1")
            let error = await #expect(throws: ProvisionError.self) { try await ClusterProvisionerTests.provisioner(provider).0.up(request) }
            guard case .hadoopUnhealthy(_, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(reason == "1 NodeManager is unhealthy (worker-1: 1/1 local-dirs are bad)")
            #expect(provider.objects.isEmpty)
        }

        /// The NameNode's own safe-mode reason replaces the bare state, and its log is shown
        /// (it is healthy, so only because the error names it) before the rollback.
        @Test func notReadyWithinTheWaitNamesTheUnmetCheckInHadoopsWords() async throws {
            let reason = "The number of live datanodes 2 needs an additional 1 live datanodes to reach the minimum number 3"
            let provider = FakeProvider(readyAfter: nil, explanation: HadoopExplanation(safeMode: reason, liveDataNodeHosts: ["worker-1", "worker-2"]))
            var request = ClusterProvisionerTests.request
            request.wait = .milliseconds(300)
            let (provisioner, progress) = ClusterProvisionerTests.provisioner(provider)
            let error = await #expect(throws: ProvisionError.self) { try await provisioner.up(request) }
            guard case .notReady(_, let unmet, _, let nodes)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(unmet == "the NameNode is in safe mode: \(reason)")
            #expect(nodes == ["namenode"])
            #expect(progress.recorded.contains { $0.contains("namenode is waiting") })
            #expect(provider.calls.firstIndex(of: "diagnoses(namenode)")! < provider.calls.firstIndex(of: "delete(run)")!)
            #expect(provider.objects.isEmpty)
        }

        @Test func anIncompleteClusterIsRefusedWithTheFix() async throws {
            let topology = Topology(spec: FakeProvider.spec())
            let provider = FakeProvider(cluster: ClusterInventory(name: topology.name, networks: [topology.networkName]))
            let error = await #expect(throws: ProvisionError.self) { try await ClusterProvisionerTests.provisioner(provider).0.up(ClusterProvisionerTests.request) }
            #expect(error?.description.contains("is incomplete (an earlier hind up did not finish") == true)
            #expect(error?.description.contains("hind down --name fake") == true)
            #expect(provider.calls == ["inventory"])
        }

        @Test(arguments: FakeProvider.Step.allCases)
        func cancellationAtEachStepRemovesEverything(_ step: FakeProvider.Step) async throws {
            let provider = FakeProvider(holding: step, readyAfter: nil)
            let (provisioner, _) = ClusterProvisionerTests.provisioner(provider)
            let up = Task { try await provisioner.up(ClusterProvisionerTests.request) }
            await provider.reached.wait()
            up.cancel()
            // An engine step is never cut short: it completes, then the run is rolled back.
            provider.release.open()
            let error = await #expect(throws: ProvisionError.self) { try await up.value }
            guard case .interrupted(let cleanedUp)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(cleanedUp)
            #expect(provider.objects.isEmpty)
            #expect(provider.calls.contains("delete(run)") == (step != .image), "nothing exists before the image is resolved")
        }

        @Test func cancellationWithRetainKeepsEverythingAndSaysSo() async throws {
            let provider = FakeProvider(holding: .readiness, readyAfter: nil)
            var request = ClusterProvisionerTests.request
            request.retain = true
            let (provisioner, _) = ClusterProvisionerTests.provisioner(provider)
            let up = Task { try await provisioner.up(request) }
            await provider.reached.wait()
            up.cancel()
            let error = await #expect(throws: ProvisionError.self) { try await up.value }
            guard case .interrupted(let cleanedUp)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(!cleanedUp)
            #expect(provider.objects.count == 7, "the network, 3 volumes and 3 containers: \(provider.objects)")
        }

        @Test func aFailedCleanupSaysHowToFinishIt() async throws {
            let provider = FakeProvider(failing: .nodes, failsToDelete: true)
            let error = await #expect(throws: ProvisionError.self) { try await ClusterProvisionerTests.provisioner(provider).0.up(ClusterProvisionerTests.request) }
            #expect(error?.description.contains("run hind down --name fake") == true)
        }

        @Test func anExistingClusterIsRefusedBeforeAnythingElse() async throws {
            let provider = FakeProvider(existing: ["fake"], cluster: FakeProvider.stoppedCluster("other"))
            let error = await #expect(throws: ProvisionError.self) { try await ClusterProvisionerTests.provisioner(provider).0.up(ClusterProvisionerTests.request) }
            guard case .clusterExists? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(provider.calls == ["inventory"])
        }

        @Test func aBusyFixedPortIsRefusedBeforeTheEngineIsAsked() async throws {
            let listener = try TCPListener()
            let provider = FakeProvider()
            var request = ClusterProvisionerTests.request
            request.shape.publishing.namenodeHTTP = listener.port
            let error = await #expect(throws: ProvisionError.self) { try await ClusterProvisionerTests.provisioner(provider).0.up(request) }
            guard case .hostPortBusy(let port, let option)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(port == listener.port && option == "--namenode-port")
            #expect(provider.calls.isEmpty)
        }

        @Test func publishedPortsAreFixedOnceSoTheySurviveStopAndStart() async throws {
            let provider = FakeProvider()
            let topology = try await ClusterProvisionerTests.provisioner(provider).0.prepare(ClusterProvisionerTests.request)
            let publishing = topology.spec.publishing
            #expect(publishing.namenodeHTTP != nil && publishing.namenodeRPC != nil && publishing.namenodeHTTP != publishing.namenodeRPC)
        }
    }

    @Suite("start and stop")
    struct StartStop {
        @Test func startStartsTheNodesThenWaitsForHadoop() async throws {
            let provider = FakeProvider(readyAfter: 1, existing: ["fake"])
            let (provisioner, progress) = ClusterProvisionerTests.provisioner(provider)
            let status = try await provisioner.start(try ClusterName("fake"), wait: .seconds(5))
            #expect(status.ready)
            #expect(provider.calls == ["inventory", "startNodes", "hadoop", "status"], "the home directory exists since up")
            #expect(progress.recorded.first == "✓ Starting 3 nodes")
        }

        /// A worker removed by hand: its container (and volume) are recreated, the rest started.
        @Test func startRecreatesARemovedWorker() async throws {
            var cluster = FakeProvider.stoppedCluster()
            cluster.containers["worker-2"] = nil
            cluster.volumes.remove("fake-worker-2-data")
            let provider = FakeProvider(readyAfter: 1, cluster: cluster)
            let (provisioner, progress) = ClusterProvisionerTests.provisioner(provider)
            #expect(try await provisioner.start(try ClusterName("fake"), wait: .seconds(5)).ready)
            #expect(provider.calls == ["inventory", "createVolumes(worker-2)", "createAndStartNodes(worker-2)", "startNodes", "hadoop", "status"])
            // The fake's other nodes are stopped: they are the ones started.
            #expect(progress.recorded.prefix(2) == [
                "✓ Recreating worker-2's container and volume", "✓ Starting 2 nodes",
            ])
        }

        /// Containers stay bound to the network they were made on: a removed network is
        /// recreated with every container, the volumes (the data) untouched.
        @Test func startRecreatesARemovedNetworkWithEveryContainer() async throws {
            var cluster = FakeProvider.stoppedCluster()
            cluster.networks = []
            let provider = FakeProvider(readyAfter: 1, cluster: cluster)
            let (provisioner, _) = ClusterProvisionerTests.provisioner(provider)
            #expect(try await provisioner.start(try ClusterName("fake"), wait: .seconds(5)).ready)
            #expect(provider.calls == [
                "inventory", "removeContainers(namenode,worker-1,worker-2)", "createNetwork",
                "createAndStartNodes(namenode,worker-1,worker-2)", "hadoop", "status",
            ])
        }

        @Test func startRefusesToFormatOverALostNameNodeVolume() async throws {
            var cluster = FakeProvider.stoppedCluster()
            cluster.containers["namenode"] = nil
            cluster.volumes.remove("fake-namenode-data")
            let provider = FakeProvider(cluster: cluster)
            let error = await #expect(throws: ProvisionError.self) { try await ClusterProvisionerTests.provisioner(provider).0.start(try ClusterName("fake"), wait: .seconds(5)) }
            #expect(error?.description.contains("the NameNode's volume fake-namenode-data is gone") == true)
            #expect(provider.calls == ["inventory"], "nothing created")
        }

        @Test(arguments: [true, false])
        func startThatFailsShowsTheLogsAndStopsAgainUnlessRetained(_ retain: Bool) async throws {
            let provider = FakeProvider(exitingNode: NodeExit(node: "worker-1", status: 1), existing: ["fake"])
            let (provisioner, progress) = ClusterProvisionerTests.provisioner(provider)
            let error = await #expect(throws: ProvisionError.self) { try await provisioner.start(try ClusterName("fake"), wait: .seconds(5), retain: retain) }
            guard case .nodeExited? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(progress.recorded.contains { $0.contains("the DataNode said goodbye") })
            #expect(provider.calls.filter { $0 == "stopNodes(namenode,worker-1,worker-2)" }.count == (retain ? 0 : 1))
        }

        /// `start` on a cluster that already ran ("make sure it is up"): a failure stops nothing.
        @Test func aFailedStartOfARunningClusterStopsNothing() async throws {
            var cluster = FakeProvider.stoppedCluster()
            cluster.containers = cluster.containers.mapValues { _ in "running" }
            let provider = FakeProvider(exitingNode: NodeExit(node: "worker-1", status: 1), cluster: cluster)
            await #expect(throws: ProvisionError.self) { try await ClusterProvisionerTests.provisioner(provider).0.start(try ClusterName("fake"), wait: .seconds(5)) }
            #expect(!provider.calls.contains { $0.hasPrefix("stopNodes") }, "\(provider.calls)")
        }

        @Test func startOfAnIncompleteClusterNamesTheFix() async throws {
            let provider = FakeProvider(cluster: ClusterInventory(name: try ClusterName("fake"), volumes: ["fake-namenode-data"]))
            let error = await #expect(throws: ProvisionError.self) { try await ClusterProvisionerTests.provisioner(provider).0.start(try ClusterName("fake"), wait: .seconds(5)) }
            guard case .clusterIncomplete? = error else { Issue.record("\(String(describing: error))"); return }
        }

        @Test func stopReportsOneStep() async throws {
            let provider = FakeProvider()
            let (provisioner, progress) = ClusterProvisionerTests.provisioner(provider)
            try await provisioner.stop(try ClusterName("fake"))
            #expect(provider.calls == ["stopNodes"])
            #expect(progress.recorded == ["✓ Stopping 3 nodes"])
        }
    }
}
