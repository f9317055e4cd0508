import Foundation
import HindCluster

/// A ``SmokeReport`` as JUnit XML, the format GitHub, GitLab and Jenkins render: one
/// `testsuite` (the cluster), one `testcase` per check (`classname` its group), a
/// `failure` with the reason and the output, `skipped` with the reason.
public enum JUnitReport {
    public static func render(_ report: SmokeReport) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="hind smoke" tests="\#(report.results.count)" failures="\#(report.failed)" skipped="\#(report.skipped)" time="\#(seconds(report.seconds))">"#,
            #"  <testsuite name="hind smoke: \#(text(report.cluster))" tests="\#(report.results.count)" failures="\#(report.failed)" errors="0" skipped="\#(report.skipped)" time="\#(seconds(report.seconds))">"#,
        ]
        for result in report.results {
            let open = #"    <testcase classname="hind.smoke.\#(result.component.rawValue)" name="\#(text(result.name)): \#(text(result.title))" time="\#(seconds(result.seconds))""#
            switch result.outcome {
            case .passed:
                lines.append(open + ">")
                lines.append("      <system-out>\(text(result.message))</system-out>")
                lines.append("    </testcase>")
            case .failed:
                lines.append(open + ">")
                lines.append(#"      <failure message="\#(text(result.message))">\#(text(result.output ?? result.message))</failure>"#)
                lines.append("    </testcase>")
            case .skipped:
                lines.append(open + ">")
                lines.append(#"      <skipped message="\#(text(result.message))"/>"#)
                lines.append("    </testcase>")
            }
        }
        lines += ["  </testsuite>", "</testsuites>", ""]
        return lines.joined(separator: "\n")
    }

    static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Escaped, without the control characters XML 1.0 cannot carry (a JVM's output may
    /// have some).
    static func text(_ value: String) -> String {
        HadoopXML.escape(String(value.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" || $0 == "\r" }.map(Character.init)))
    }
}
