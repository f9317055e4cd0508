import ArgumentParser
import HindCluster
import HindProvisioner

/// `hind config`: the Hadoop configuration a cluster's daemons read, each value with
/// where it came from, like `hdfs getconf -confKey` for the whole cluster.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the Hadoop configuration a cluster's daemons read, and where each value came from.",
        discussion: """
            SOURCE is --conf (yours), hind (hind's site files) or default (the *-default.xml
            in the image's jars). Values are resolved as Hadoop resolves them: a later file
            wins and ${...} references are expanded; with --node, the node's own address too.
            Without KEY: every key the site files set (--all adds every default).
            With --image instead of a cluster: the defaults of that image's jars.
            """)

    @OptionGroup var cluster: ClusterNameOptions

    @Option(help: "Show the values as this node's daemons read them (e.g. worker-1).")
    var node: String?

    @Flag(help: "Also list every key of the image's *-default.xml files.")
    var all = false

    @Option(help: "Show the *-default.xml values of this image's jars instead of a cluster's configuration.")
    var image: String?

    @Argument(help: "One key to show, e.g. dfs.replication.")
    var key: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if image != nil, node != nil { throw HindError.badInput("--node needs a cluster, not --image: drop one of them") }
        _ = try image.map { (text) throws(SpecError) in try ImageReference(parsing: text) }
    }

    func run() async throws {
        let name = try cluster.clusterName()
        let provider = try await Provider.connect(for: name)
        var entries: [EffectiveConfiguration.Entry]
        let subject: String
        if let image {
            let defaults = try await provider.hadoopDefaults(of: image)
            entries = defaults.files.keys.sorted().flatMap { file in
                defaults.files[file]!.map { EffectiveConfiguration.Entry(key: $0.key, value: $0.value, file: file.rawValue, source: .defaults) }
            }.sorted { $0.key < $1.key }
            subject = "image \(image)"
        } else {
            let configuration = try await ClusterProvisioner(provider: provider, progress: ProgressPrinter()).configuration(of: name, node: node)
            entries = configuration.entries(includingDefaults: all || key != nil)
            subject = "cluster '\(name)'"
        }
        if let key {
            guard let entry = entries.first(where: { $0.key == key }) else {
                let close = KeySuggestions.closest(to: key, among: entries.map(\.key))
                throw HindError.badInput("no key '\(key)' in \(subject): neither its site files nor Hadoop's defaults set it"
                    + (close.isEmpty ? "; list the keys with hind config --all" : "; did you mean \(close.joined(separator: " or "))?"))
            }
            entries = [entry]
        }
        if output.isJSON {
            if key == nil { try JSONOutput.print(entries) } else { try JSONOutput.print(entries[0]) }
            return
        }
        var rows = [["KEY", "VALUE", "SOURCE", "FILE"]]
        rows += entries.map { [$0.key, $0.value.isEmpty ? "(empty)" : $0.value, $0.source.rawValue, $0.file] }
        print(ClusterText.table(rows))
    }
}

