/// How every hind container is set up, whichever way it is created (Compose or `hind up`).
public enum ContainerLayout {
    /// Where Hadoop lives in every supported image; `--dist` mounts over it.
    public static let hadoopHome = "/opt/hadoop"
    public static let entrypoint = ["/bin/sh", LauncherScript.path]
    public static let healthCommand = ["/bin/sh", LauncherScript.path, "health"]
    /// The environment of every container, so that `hind exec NODE -- hdfs …` sees the
    /// cluster's config as the daemons do.
    public static let environment = ["HADOOP_CONF_DIR": LauncherScript.runtimeConfigDirectory]
}
