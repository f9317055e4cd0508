/// The NameNode's rack mapping (`net.topology.script.file.name`): a POSIX sh script and
/// the table it reads, both in the node's config directory.
///
/// Hadoop calls the script with the DataNodes' addresses (`ScriptBasedMapping` resolves
/// by IP) and reads one rack per argument. Container addresses are known only once the
/// containers run, so the script maps each address to its container name with a
/// reverse lookup (the engine's DNS answers `<container>.<network>`), then looks the
/// node up in the table: its rack, else round-robin by worker number over the table's
/// `count` racks (workers added later), else the default rack at the same depth.
/// YARN's RackResolver passes NodeManager host names, which the table has directly.
public enum RackTopologyScript {
    public static let scriptName = "topology.sh"
    public static let tableName = "racks"
    /// Where the NameNode finds the script: beside the rendered site files.
    public static var path: String { "\(LauncherScript.renderedConfigDirectory)/\(scriptName)" }

    /// `key value` lines: `cluster`, `count`, `default`, then `NODE RACK` for every worker.
    public static func table(_ topology: Topology) -> String {
        let racks = topology.spec.racks ?? RackLayout()
        var lines = [
            "# Racks of hind cluster '\(topology.name)', read by \(scriptName). Rendered by hind; edits are overwritten.",
            "cluster \(topology.name)",
            "count \(racks.count ?? 0)",
            "default \(racks.defaultRack)",
        ]
        for worker in topology.workers {
            if let rack = worker.rack { lines.append("\(worker.name) \(rack)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The script: the same for every cluster, it reads everything from the table.
    public static let script = #"""
        #!/bin/sh
        # hind rack topology (net.topology.script.file.name): prints the rack of each
        # address or host name Hadoop passes, one line each, from the table beside it.
        # Rendered by hind; edits are overwritten.
        set -f
        table="${0%/*}/racks"
        cluster= count=0 default=/default-rack
        while read -r key value; do
            case "$key" in
                cluster) cluster=$value ;;
                count) count=$value ;;
                default) default=$value ;;
            esac
        done < "$table"

        # rack_of NAME: the rack of a node, container (<cluster>-<node>) or DNS name
        # (<container>.<network>); fails for a name that is none of them.
        rack_of() {
            node=${1%%.*}
            node=${node#"$cluster"-}
            while read -r key value; do
                if [ "$key" = "$node" ]; then
                    printf '%s' "$value"
                    return 0
                fi
            done < "$table"
            case "$node" in
                worker-*)
                    index=${node#worker-}
                    case "$index" in '' | *[!0-9]*) return 1 ;; esac
                    [ "$count" -gt 0 ] || return 1
                    printf '/rack-%s' $(((index - 1) % count + 1))
                    return 0 ;;
            esac
            return 1
        }

        # rack_of_address ADDRESS: the rack of the first of its names (the hosts file,
        # then the engine's DNS) that is a node.
        rack_of_address() {
            set -- $(getent hosts "$1" 2>/dev/null)
            [ "$#" -gt 1 ] || return 1
            shift
            for name in "$@"; do
                rack_of "$name" && return 0
            done
            return 1
        }

        for argument in "$@"; do
            rack=$(rack_of "$argument" || rack_of_address "$argument") || rack=$default
            printf '%s\n' "$rack"
        done
        """#
}
