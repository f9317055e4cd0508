import ArgumentParser

/// `hind`: the root command. Each verb lives in its own file under `Commands/`.
public struct HindCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hind",
        abstract: "Hadoop IN Docker: a real Apache Hadoop cluster in Docker containers.",
        discussion: """
            Bring up a NameNode and 3 workers (DataNode, plus NodeManager with YARN):
              hind up -c 3
            Render the same cluster as a Compose project instead:
              hind render -c 3 --output-dir ./cluster
            """,
        version: HindVersion.current,
        subcommands: [
            UpCommand.self, ScaleCommand.self, DownCommand.self, StatusCommand.self, ListCommand.self,
            StopCommand.self, StartCommand.self, ExecCommand.self, LogsCommand.self,
            ExportLogsCommand.self, ClientConfigCommand.self, ConfigCommand.self, RenderCommand.self, SmokeCommand.self,
        ]
    )

    public init() {}
}

public enum HindVersion {
    public static let current = "0.1.0"
}
