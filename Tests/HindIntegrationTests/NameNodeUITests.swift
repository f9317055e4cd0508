import Foundation
import HindCluster
import HindTestSupport
import Testing

/// hind's NameNode UI on the offline image, in a real browser (headless Chromium over
/// its DevTools protocol): the printed URL shows the overview with the live DataNodes,
/// the file browser lists a file whose download link returns its bytes, and the upload
/// page on a DataNode writes a file that Delete removes again. Screenshots go to
/// `.build/ui-screenshots` (test artifacts).
@Suite("NameNode UI", .serialized, .requiresDockerEngine,
       .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "chromium not installed: scripts/install-build-deps installs it"))
struct NameNodeUITests {
    @Test func overviewBrowserDownloadAndUploadInAHeadlessBrowser() async throws {
        let name = ClusterFixture.name("ui")
        defer { ClusterFixture.cleanUp(name) }
        let up = try ClusterFixture.hind(["up", "-c", "2", "--name", name, "--image", ClusterFixture.image, "-o", "json"])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(up.stdout.utf8)) as? [String: Any])
        let ui = try #require((result["endpoints"] as? [String: String])?["namenodeUI"])
        _ = try ClusterFixture.sh(name, "namenode", "printf hello > /tmp/hello.txt && hdfs dfs -mkdir -p /data && hdfs dfs -put /tmp/hello.txt /data/hello.txt")

        let screenshots = Repository.root().appendingPathComponent(".build/ui-screenshots")
        let script = Repository.root().appendingPathComponent("Tests/Fixtures/namenode-ui.py")
        let browser = try HostCommand.run(["python3", script.path, ui, "/data", "/data/uploaded.txt", screenshots.path])
        #expect(browser.status == 0, "\(browser.output)")
        let line = try #require(browser.output.split(separator: "\n").last { $0.hasPrefix("{") })
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])

        #expect(seen["overview_url"] as? String == "/dfshealth.html", "the printed URL leads to the overview")
        #expect(seen["live"] as? String == "2")
        #expect(seen["datanode_rows"] as? Int == 2)
        #expect(seen["safe_mode"] as? String == "off")
        #expect((seen["names"] as? [String])?.contains("hello.txt") == true, "\(seen)")
        let download = try #require((seen["downloads"] as? [String])?.first { $0.hasSuffix("/data/hello.txt?op=OPEN") })
        let bytes = try HostCommand.run(["curl", "-sSf", "-L", download])
        #expect(bytes.status == 0 && bytes.output == "hello", "the link returns the file's bytes: \(bytes.output)")
        #expect((seen["upload_page"] as? String)?.hasSuffix(":50075/upload.html") == true, "\(seen)")
        // Uploaded through the DataNode's page, then deleted from the browser again.
        #expect(seen["uploaded"] as? String == "/data/uploaded.txt")
        #expect(seen["uploaded_content"] as? String == "uploaded from the browser")
        #expect(seen["after_delete"] as? [String] == ["hello.txt"], "\(seen)")
        #expect(seen["permissions"] as? [String] == ["-rw-r--r--"], "\(seen)")
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -test -e /data/uploaded.txt || echo gone") == "gone\n")
        for path in seen["screenshots"] as? [String] ?? [] {
            #expect((try? Data(contentsOf: URL(fileURLWithPath: path)))?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true, "a PNG at \(path)")
        }
    }
}
