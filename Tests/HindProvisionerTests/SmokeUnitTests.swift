import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import HindProvisioner
import Testing

/// The pure parts of `hind smoke`: reading Hadoop's tools, the JUnit file, `--only`.
@Suite("Smoke, pure parts")
struct SmokeUnitTests {
    static let fsckReport = """
        /hind-smoke-1/three-blocks.bin 2621440 bytes, 3 block(s):  OK
        0. BP-1:blk_1073741825_1001 len=1048576 repl=3 [DatanodeInfoWithStorage[192.168.160.4:50010,DS-6e,DISK], DatanodeInfoWithStorage[192.168.160.2:50010,DS-95,DISK], DatanodeInfoWithStorage[192.168.160.5:50010,DS-2c,DISK]]
        1. BP-1:blk_1073741826_1002 len=1048576 repl=3 [DatanodeInfoWithStorage[192.168.160.5:50010,DS-2c,DISK], DatanodeInfoWithStorage[192.168.160.2:50010,DS-95,DISK], DatanodeInfoWithStorage[192.168.160.4:50010,DS-6e,DISK]]
        2. BP-1:blk_1073741827_1003 len=524288 repl=2 [DatanodeInfoWithStorage[192.168.160.4:50010,DS-6e,DISK], DatanodeInfoWithStorage[192.168.160.4:50010,DS-6e,DISK]]

        Status: HEALTHY
         Under-replicated blocks:\t2 (66.6 %)
         Corrupt blocks:\t\t0
        The filesystem under path '/hind-smoke-1/three-blocks.bin' is HEALTHY
        """

    /// `fsck -files -blocks -racks` as Hadoop 2.7.3 prints it (a real cluster's output).
    @Test func fsckRacks() {
        let report = """
            /f 3000000 bytes, 3 block(s):  OK
            0. BP-1369929898-192.168.224.5-1796147107268:blk_1073741825_1001 len=1048576 repl=3 [/rack-1/192.168.224.4:50010, /rack-1/192.168.224.6:50010, /rack-2/192.168.224.3:50010]
            1. BP-1369929898-192.168.224.5-1796147107268:blk_1073741826_1002 len=1048576 repl=2 [/dc1/rack-2/192.168.224.2:50010, /dc1/rack-1/192.168.224.4:50010]
            """
        let blocks = SmokeParsing.fsck(report).blocks
        #expect(blocks.map(\.racks) == [["/rack-1", "/rack-1", "/rack-2"], ["/dc1/rack-2", "/dc1/rack-1"]])
        #expect(blocks.map(\.locations) == [["192.168.224.4:50010", "192.168.224.6:50010", "192.168.224.3:50010"], ["192.168.224.2:50010", "192.168.224.4:50010"]])
        #expect(blocks.map(\.replication) == [3, 2])
    }

    @Test func fsckBlocksAndSummary() {
        let fsck = SmokeParsing.fsck(Self.fsckReport)
        #expect(fsck.healthy && fsck.underReplicated == 2 && fsck.corrupt == 0)
        #expect(fsck.blocks.map(\.replication) == [3, 3, 2])
        #expect(fsck.blocks[0].locations == ["192.168.160.4:50010", "192.168.160.2:50010", "192.168.160.5:50010"])
        #expect(Set(fsck.blocks[2].locations).count == 1, "the same DataNode twice is one location")
        #expect(!SmokeParsing.fsck("The filesystem under path '/' is CORRUPT").healthy)
    }

    @Test func toolsOutput() {
        #expect(SmokeParsing.reportedLiveDataNodes("Configured Capacity: 1\n-------\nLive datanodes (3):\n\nName: 1") == 3)
        #expect(SmokeParsing.reportedLiveDataNodes("no report") == nil)
        #expect(SmokeParsing.estimatedPi("Job Finished in 12.3 seconds\nEstimated value of Pi is 3.20000000000000000000\n") == 3.2)
        #expect(SmokeParsing.estimatedPi("Job failed") == nil)
        #expect(SmokeParsing.wordCounts("brown\t1\nthe\t3\nnoise line\n") == ["brown": 1, "the": 3])
    }

    @Test func onlyGroups() throws {
        #expect(try SmokeComponent.parseList("hdfs, webhdfs") == [.hdfs, .webhdfs])
        #expect(throws: SmokeError.unknownComponent("pig")) { try SmokeComponent.parseList("hdfs,pig") }
        #expect(throws: SmokeError.unknownComponent("")) { try SmokeComponent.parseList("hdfs,") }
        #expect(SmokeError.unknownComponent("pig").isBadInput)
    }

    /// JUnit XML that parses, with a testcase per check, the right counts, and the
    /// failure's output escaped (including characters XML cannot carry).
    @Test func junitParsesWithCountsAndEscapedOutput() throws {
        let report = SmokeReport(cluster: "dev<1>", results: [
            SmokeResult(name: "hdfs.safe-mode", component: .hdfs, title: "out of safe mode", outcome: .passed, seconds: 0.01, message: "off"),
            SmokeResult(name: "hdfs.fsck", component: .hdfs, title: "fsck & co", outcome: .failed, seconds: 0.2,
                        message: "3 \"under\"-replicated", output: "Status: <HEALTHY>\u{1B}[0m & more"),
            SmokeResult(name: "yarn.nodemanagers", component: .yarn, title: "NodeManagers", outcome: .skipped, seconds: 0, message: "no YARN"),
        ], seconds: 1.5)
        let xml = JUnitReport.render(report)
        final class Counter: NSObject, XMLParserDelegate {
            var elements: [String: Int] = [:]
            var suite: [String: String] = [:]
            var failureText = ""
            var inFailure = false
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                elements[name, default: 0] += 1
                if name == "testsuite" { suite = attributes }
                inFailure = name == "failure"
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { if inFailure { failureText += string } }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { inFailure = false }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(xml)")
        #expect(counter.elements["testcase"] == 3 && counter.elements["failure"] == 1 && counter.elements["skipped"] == 1)
        #expect(counter.suite["tests"] == "3" && counter.suite["failures"] == "1" && counter.suite["skipped"] == "1")
        #expect(counter.suite["name"] == "hind smoke: dev<1>")
        #expect(counter.failureText == "Status: <HEALTHY>[0m & more")
    }
}
