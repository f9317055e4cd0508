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