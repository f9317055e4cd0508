/// The `log4j.properties` every node gets: the daemons log to the console (standard
/// error), which the engine keeps as the container's log, so `hind logs` and a failed
/// `up` show them whatever logging the image ships (Apache's image logs to files).
///
/// It defines every logger and appender name Hadoop 2 and 3's scripts and daemons refer
/// to (the security and audit loggers go to the null appender), so no daemon prints
/// "No appenders could be found" or loses its output.
public enum Log4jProperties {
    public static let fileName = "log4j.properties"

    public static func render(cluster: ClusterName) -> String {
        """
        # log4j.properties of hind cluster '\(cluster)'. Rendered by hind; edits are overwritten.
        # Everything goes to the console: the container's log (hind logs NODE).
        hadoop.root.logger=INFO,console
        hadoop.log.dir=.
        hadoop.log.file=hadoop.log
        hadoop.security.logger=INFO,NullAppender
        hdfs.audit.logger=INFO,NullAppender
        namenode.metrics.logger=INFO,NullAppender
        datanode.metrics.logger=INFO,NullAppender
        rm.audit.logger=INFO,NullAppender
        nm.audit.logger=INFO,NullAppender
        mapred.audit.logger=INFO,NullAppender
        yarn.root.logger=INFO,console

        log4j.rootLogger=${hadoop.root.logger}
        log4j.threshold=ALL

        log4j.appender.NullAppender=org.apache.log4j.varia.NullAppender
        log4j.appender.console=org.apache.log4j.ConsoleAppender
        log4j.appender.console.target=System.err
        log4j.appender.console.layout=org.apache.log4j.PatternLayout
        log4j.appender.console.layout.ConversionPattern=%d{ISO8601} %p %c{2}: %m%n

        log4j.category.SecurityLogger=${hadoop.security.logger}
        log4j.additivity.SecurityLogger=false
        log4j.logger.org.apache.hadoop.hdfs.server.namenode.FSNamesystem.audit=${hdfs.audit.logger}
        log4j.additivity.org.apache.hadoop.hdfs.server.namenode.FSNamesystem.audit=false
        log4j.logger.NameNodeMetricsLog=${namenode.metrics.logger}
        log4j.additivity.NameNodeMetricsLog=false
        log4j.logger.DataNodeMetricsLog=${datanode.metrics.logger}
        log4j.additivity.DataNodeMetricsLog=false
        log4j.logger.org.apache.hadoop.yarn.server.resourcemanager.RMAuditLogger=${rm.audit.logger}
        log4j.additivity.org.apache.hadoop.yarn.server.resourcemanager.RMAuditLogger=false
        log4j.logger.org.apache.hadoop.yarn.server.nodemanager.NMAuditLogger=${nm.audit.logger}
        log4j.additivity.org.apache.hadoop.yarn.server.nodemanager.NMAuditLogger=false
        log4j.logger.org.apache.hadoop.mapred.AuditLogger=${mapred.audit.logger}
        log4j.additivity.org.apache.hadoop.mapred.AuditLogger=false
        # Quiet the one noisy warning of a native-less JVM.
        log4j.logger.org.apache.hadoop.util.NativeCodeLoader=ERROR

        """
    }

    /// The `log4j.properties` of `client-config`: a client on the host prints warnings
    /// and errors only, to standard error, so a command's output is its own.
    public static func renderQuietClient(cluster: ClusterName) -> String {
        """
        # log4j.properties for Hadoop clients of hind cluster '\(cluster)' on the host.
        # Warnings and errors only, on standard error.
        hadoop.root.logger=WARN,console
        log4j.rootLogger=${hadoop.root.logger}
        log4j.appender.console=org.apache.log4j.ConsoleAppender
        log4j.appender.console.target=System.err
        log4j.appender.console.layout=org.apache.log4j.PatternLayout
        log4j.appender.console.layout.ConversionPattern=%d{ISO8601} %p %c{2}: %m%n
        log4j.logger.org.apache.hadoop.util.NativeCodeLoader=ERROR

        """
    }
}
