import Foundation
import Testing
@testable import HindCluster
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Hadoop configuration")
struct HadoopConfigurationTests {
    @Test func devClusterDefaults() throws {
        let configuration = HadoopConfiguration(topology: Topology(spec: try testSpec(workers: 3)))
        #expect(configuration.value("fs.defaultFS", in: .coreSite) == "hdfs://namenode:8020")
        #expect(configuration.value("dfs.namenode.datanode.registration.ip-hostname-check", in: .hdfsSite) == "false")
        #expect(configuration.value("dfs.namenode.safemode.extension", in: .hdfsSite) == "0")
        #expect(configuration.value("yarn.nodemanager.aux-services", in: .yarnSite) == "mapreduce_shuffle")
        #expect(configuration.value("yarn.nodemanager.resource.memory-mb", in: .yarnSite) == "1024")
        #expect(configuration.value("mapreduce.framework.name", in: .mapredSite) == "yarn")
    }

    @Test(arguments: [(1, "1"), (2, "2"), (3, "3"), (10, "3")])
    func replicationIsAtMostThree(_ workers: Int, _ expected: String) throws {
        let configuration = HadoopConfiguration(topology: Topology(spec: try testSpec(workers: workers)))
        #expect(configuration.value("dfs.replication", in: .hdfsSite) == expected)
    }

    @Test func hdfsOnlyRendersNoYARNFiles() throws {
        let configuration = HadoopConfiguration(topology: Topology(spec: try testSpec(components: [.hdfs])))
        #expect(Set(configuration.files.keys) == [.coreSite, .hdfsSite])
    }

    @Test func yarnMemoryFollowsNodeMemory() throws {
        let configuration = HadoopConfiguration(topology: Topology(spec: try testSpec(memory: "4g")))
        #expect(configuration.value("yarn.nodemanager.resource.memory-mb", in: .yarnSite) == "2048")
        #expect(configuration.value("yarn.scheduler.maximum-allocation-mb", in: .yarnSite) == "2048")
    }

    @Test func overridesReplaceInPlaceAndLaterWins() throws {
        let spec = try testSpec(overrides: [
            "hdfs-site:dfs.replication=2", "hdfs-site:dfs.blocksize=1m", "hdfs-site:dfs.replication=1",
        ])
        let configuration = HadoopConfiguration(topology: Topology(spec: spec))
        let names = configuration.files[.hdfsSite]!.map(\.name)
        #expect(configuration.value("dfs.replication", in: .hdfsSite) == "1")
        #expect(names.first == "dfs.replication")
        #expect(names.last == "dfs.blocksize")
        #expect(names.filter { $0 == "dfs.replication" }.count == 1)
    }

    @Test func overrideOfAFileNotRenderedByDefaultCreatesIt() throws {
        let spec = try testSpec(components: [.hdfs], overrides: ["yarn-site:a.b=c"])
        #expect(HadoopConfiguration(topology: Topology(spec: spec)).value("a.b", in: .yarnSite) == "c")
    }

    @Suite("XML")
    struct XML {
        @Test func escapesTheFiveReservedCharacters() {
            #expect(HadoopXML.escape(#"a<b&"c'>"#) == "a&lt;b&amp;&quot;c&apos;&gt;")
        }

        @Test(arguments: [#"a<b&"c'"#, "]]>", "<!-- x -->", "tab\tnew\nline", "ünï©ødé", "&amp;"])
        func valuesRoundTripThroughAnXMLParser(_ value: String) throws {
            let document = HadoopXML.document([HadoopProperty("k<&>", value)], comment: "cluster a---b --- c-")
            let parsed = try PropertyReader.parse(document)
            #expect(parsed == [HadoopProperty("k<&>", value)])
        }

        @Test func renderedFilesParse() throws {
            let spec = try testSpec(overrides: [#"core-site:x=a<b&"c'"#])
            for (_, xml) in HadoopConfiguration(topology: Topology(spec: spec)).rendered(cluster: spec.name) {
                #expect(try !PropertyReader.parse(xml).isEmpty)
            }
        }
    }
}

/// Reads `<property><name/><value/></property>` pairs back with Foundation's XMLParser.
final class PropertyReader: NSObject, XMLParserDelegate {
    private var properties: [HadoopProperty] = []
    private var text = ""
    private var name = ""

    static func parse(_ xml: String) throws -> [HadoopProperty] {
        let parser = XMLParser(data: Data(xml.utf8))
        let reader = PropertyReader()
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return reader.properties
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "name": name = text
        case "value": properties.append(HadoopProperty(name, text))
        default: break
        }
    }
}
