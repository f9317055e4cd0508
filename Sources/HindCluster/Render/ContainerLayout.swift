/// How every hind container is set up, whichever way it is created (Compose or `hind up`).
public enum ContainerLayout {
    /// Where Hadoop lives in every supported image; `--dist` mounts over it.
    public static let hadoopHome = "/opt/hadoop"
    public static let entrypoint = ["/bin/sh", LauncherScript.path]
    public static let healthCommand = ["/bin/sh", LauncherScript.path, "health"]
    /// The environment of every container, so that `hind exec NODE -- hdfs …` sees the
    /// cluster's config as the daemons do.
    public static let environment = ["HADOOP_CONF_DIR": LauncherScript.runtimeConfigDirectory]
    /// Hadoop's daemons need no Linux capability and never gain privileges.
    public static let droppedCapabilities = ["ALL"]
    public static let securityOptions = ["no-new-privileges:true"]
    /// Health checks: every second, so `depends_on` and `up` notice a ready node quickly.
    public static let healthInterval: Duration = .seconds(1)
    public static let healthTimeout: Duration = .seconds(5)
    public static let healthRetries = 600
    /// How long `stop` lets the daemons shut down before the engine kills them.
    public static let stopGracePeriod: Duration = .seconds(30)
}
