/// The exclude files through which `hind scale` decommissions workers: HDFS's
/// `dfs.hosts.exclude` (DataNode addresses) and YARN's
/// `yarn.resourcemanager.nodes.exclude-path` (NodeManager host names).
///
/// Rendered empty beside the site files; the launcher copies them into the runtime
/// config directory, which belongs to the daemons' user, so a `hind exec` in the
/// NameNode (or ResourceManager) can rewrite them before asking the daemon to re-read
/// them. A restart starts from the empty files again.
public enum DecommissionFiles {
    public static let hdfsName = "dfs.exclude"
    public static let yarnName = "yarn.exclude"
    public static var hdfsPath: String { "\(LauncherScript.runtimeConfigDirectory)/\(hdfsName)" }
    public static var yarnPath: String { "\(LauncherScript.runtimeConfigDirectory)/\(yarnName)" }

    /// The shell command, run in the NameNode's container, that excludes `addresses` and
    /// has the NameNode re-read its hosts files; with none, it readmits everyone, and
    /// starts no client JVM when nobody was excluded.
    /// With HA, `namenode` (`host:port`) aims the refresh at the NameNode whose file was
    /// rewritten, not at both of the nameservice.
    public static func hdfsRefresh(excluding addresses: [String], namenode: String? = nil) -> String {
        refresh(addresses, path: hdfsPath, command: "hdfs dfsadmin\(namenode.map { " -fs hdfs://\($0)" } ?? "") -refreshNodes")
    }

    /// The same for YARN, in the ResourceManager's container: graceful on Hadoop 3
    /// (`-g SECONDS -server`: running containers may finish first), plain on Hadoop 2.
    public static func yarnRefresh(excluding hosts: [String], version: HadoopMajorVersion, timeoutSeconds: Int) -> String {
        let graceful = version == .v3 && !hosts.isEmpty ? " -g \(timeoutSeconds) -server" : ""
        return refresh(hosts, path: yarnPath, command: "yarn rmadmin -refreshNodes\(graceful)")
    }

    static func refresh(_ entries: [String], path: String, command: String) -> String {
        let write = "\(write(entries, to: path)) && \(command)"
        return entries.isEmpty ? "[ ! -s \(ShellQuote.quote(path)) ] || { \(write); }" : write
    }

    /// `printf` of one entry per line into `path`, every entry shell-quoted.
    static func write(_ entries: [String], to path: String) -> String {
        let lines = entries.map { ShellQuote.quote($0) }.joined(separator: " ")
        return entries.isEmpty ? ": > \(ShellQuote.quote(path))" : "printf '%s\\n' \(lines) > \(ShellQuote.quote(path))"
    }
}
