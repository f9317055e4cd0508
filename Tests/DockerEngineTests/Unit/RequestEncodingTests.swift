@testable import DockerEngine
import Foundation
import Testing

@Suite struct RequestEncodingTests {
    @Test func labelFiltersAreSortedCompactJSON() {
        let filters = EngineFilters(labels: ["io.hind.cluster": "dev", "io.hind.role": "namenode", "present": ""])
        #expect(filters.encoded() == #"{"label":["io.hind.cluster=dev","io.hind.role=namenode","present"]}"#)
        #expect(EngineFilters().isEmpty)
    }

    @Test func queryEscapesEverythingOutsideTheUnreservedSet() {
        var query = QueryItems()
        query.add("filters", EngineFilters(labels: ["a/b": "c d+e&f=g"]).encoded())
        query.add("all", true)
        query.add("skipped", nil as String?)
        #expect(query.encoded == "?filters=%7B%22label%22%3A%5B%22a%2Fb%3Dc%20d%2Be%26f%3Dg%22%5D%7D&all=1")
        #expect(QueryItems().encoded == "")
    }

    @Test func pathSegmentsAreEscaped() {
        #expect("hind-dev_namenode.1".pathEscaped == "hind-dev_namenode.1")
        #expect("a b/c?d#e".pathEscaped == "a%20b%2Fc%3Fd%23e")
        #expect(URLEscaping.imageReference("registry:5000/hind/base:1.0") == "registry:5000/hind/base:1.0")
    }

    @Test func containerSpecEncodesTheEngineSections() throws {
        let spec = ContainerSpec(
            image: "hind/hadoop:2.7.3",
            cmd: ["namenode"],
            env: ["A=1"],
            labels: ["io.hind.cluster": "dev"],
            hostname: "namenode",
            healthcheck: .shell("true", interval: .seconds(2), timeout: .milliseconds(1500), retries: 3, startPeriod: .seconds(1)),
            exposedPorts: [ContainerPort(9000)],
            publishedPorts: [PortPublication(ContainerPort(50070)), PortPublication(ContainerPort(53, .udp), hostIP: "", hostPort: 5353)],
            mounts: [.volume("nn-data", at: "/data"), .bind("/etc/hosts", at: "/host-hosts", readOnly: true)],
            tmpfs: ["/run": "size=8m"],
            memoryLimit: 512 << 20,
            initProcess: true,
            networkMode: "hind-dev",
            networks: ["hind-dev": NetworkAttachment(aliases: ["nn"])],
            stopSignal: "SIGINT",
            stopTimeout: 5
        )
        let json = try JSONSerialization.jsonObject(with: DockerClient.jsonEncoder.encode(spec)) as! [String: Any]
        #expect(json["Image"] as? String == "hind/hadoop:2.7.3")
        #expect((json["ExposedPorts"] as? [String: Any]).map { Set($0.keys) } == ["9000/tcp", "50070/tcp", "53/udp"])
        let health = json["Healthcheck"] as! [String: Any]
        #expect(health["Test"] as? [String] == ["CMD-SHELL", "true"])
        #expect(health["Interval"] as? Int == 2_000_000_000)
        #expect(health["Timeout"] as? Int == 1_500_000_000)
        let host = json["HostConfig"] as! [String: Any]
        let bindings = host["PortBindings"] as! [String: [[String: String]]]
        #expect(bindings["50070/tcp"] == [["HostIp": "127.0.0.1", "HostPort": ""]])
        #expect(bindings["53/udp"] == [["HostIp": "", "HostPort": "5353"]])
        let mounts = host["Mounts"] as! [[String: Any]]
        #expect(mounts.count == 2)
        #expect(mounts[1]["Type"] as? String == "bind")
        #expect(mounts[1]["ReadOnly"] as? Bool == true)
        #expect(host["Memory"] as? Int == 512 << 20)
        #expect(host["Init"] as? Bool == true)
        #expect(host["NetworkMode"] as? String == "hind-dev")
        let endpoints = (json["NetworkingConfig"] as! [String: Any])["EndpointsConfig"] as! [String: [String: [String]]]
        #expect(endpoints == ["hind-dev": ["Aliases": ["nn"]]])
    }

    @Test func containerInspectDecodesNullsAndPorts() throws {
        let json = """
        {"Id":"abc","Name":"/hind-nn","Created":"2026-01-01T00:00:00Z","Image":"sha256:1","RestartCount":0,
         "State":{"Status":"running","Running":true,"OOMKilled":false,"ExitCode":0,"StartedAt":"2026-01-01T00:00:01Z",
                  "Health":{"Status":"healthy","FailingStreak":0,"Log":[{"Start":"s","End":"e","ExitCode":0,"Output":"ok"}]}},
         "Config":{"Hostname":"nn","Labels":null,"Env":null,"Cmd":null,"Tty":false},
         "NetworkSettings":{"Ports":{"50070/tcp":[{"HostIp":"127.0.0.1","HostPort":"49153"}],"9000/tcp":null},"Networks":{}},
         "Mounts":[{"Type":"volume","Name":"v","Source":"/var/lib/docker/volumes/v/_data","Destination":"/data","RW":true}]}
        """
        let inspect = try JSONDecoder().decode(ContainerInspect.self, from: Data(json.utf8))
        #expect(inspect.name == "hind-nn")
        #expect(inspect.state.running)
        #expect(inspect.state.health?.status == "healthy")
        #expect(inspect.state.health?.log.first?.output == "ok")
        #expect(inspect.config.labels == [:])
        #expect(inspect.hostPort(for: ContainerPort(50070)) == 49153)
        #expect(inspect.hostPort(for: ContainerPort(9000)) == nil)
        #expect(inspect.mounts.first?.name == "v")
    }

    @Test func eventDecodes() throws {
        let json = #"{"status":"start","id":"x","Type":"container","Action":"start","Actor":{"ID":"x","Attributes":{"io.hind.test":"r","name":"c"}},"scope":"local","time":1700000000,"timeNano":1700000000000000000}"#
        let event = try JSONDecoder().decode(EngineEvent.self, from: Data(json.utf8))
        #expect(event.type == "container")
        #expect(event.action == "start")
        #expect(event.actor.attributes["name"] == "c")
        #expect(event.time == 1_700_000_000)
    }
}
