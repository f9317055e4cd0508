# shellcheck shell=bash
# CPU accounting for scripts/bench: what a cluster's start costs in CPU seconds, split
# by role, from the kernel's own counters (no sampling):
#   - each container's cgroup (cpuacct.usage on cgroup v1, cpu.stat usage_usec on v2),
#     read right after the cluster is ready, so it is the CPU from create to ready; the
#     NameNode's includes its format JVM (same container);
#   - the engine: dockerd and containerd (delta of /proc/PID/stat over the run) plus
#     every containerd-shim that started during it;
#   - the machine: busy / all jiffies of /proc/stat over the run, i.e. the share of the
#     cores used while the cluster started.
# Needs BENCH_API (bench_api) and runs as root (reads /proc of the engine).

BENCH_CLK_TCK="$(getconf CLK_TCK)"

# Jiffies (user + system) of PID, 0 when it is gone.
bench_cpu_ticks() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }
  stat="${stat##*) }"
  # After "pid (comm) ": state is field 1, utime field 12, stime field 13.
  awk '{ print $12 + $13 }' <<<"$stat"
}

# PIDs of the engine's long-lived processes, and of the shims alive now.
bench_cpu_engine_pids() { pgrep -x dockerd; pgrep -x containerd; }
bench_cpu_shim_pids() { pgrep -f '^/usr/bin/containerd-shim' || true; }

# busy and total jiffies of the whole machine.
bench_cpu_machine() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6 }' /proc/stat; }

# Called right before a run: remembers the counters the run's figures are deltas of.
bench_cpu_before() {
  local pid ticks=0
  for pid in $(bench_cpu_engine_pids); do ticks=$((ticks + $(bench_cpu_ticks "$pid"))); done
  BENCH_CPU_ENGINE0="$ticks"
  BENCH_CPU_SHIMS0=" $(bench_cpu_shim_pids | tr '\n' ' ') "
  read -r BENCH_CPU_BUSY0 BENCH_CPU_TOTAL0 < <(bench_cpu_machine)
}

# CPU seconds container ID used since it started.
bench_cpu_container() {
  local id="$1" file
  for file in "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage" "/sys/fs/cgroup/cpu,cpuacct/docker/$id/cpuacct.usage"; do
    [[ -r "$file" ]] && { awk '{ printf "%.3f\n", $1 / 1e9 }' "$file"; return; }
  done
  for file in "/sys/fs/cgroup/system.slice/docker-$id.scope/cpu.stat" "/sys/fs/cgroup/docker/$id/cpu.stat"; do
    [[ -r "$file" ]] && { awk '$1 == "usage_usec" { printf "%.3f\n", $2 / 1e6 }' "$file"; return; }
  done
  echo "-"
}

# Memory of container ID in MiB: "RSS PEAK" (the anonymous memory its processes hold
# now, and the most the cgroup ever charged, page cache included); "- -" on cgroup v2.
bench_mem_container() {
  local dir="/sys/fs/cgroup/memory/docker/$1"
  if [[ -r "$dir/memory.stat" ]]; then
    awk -v peak="$(cat "$dir/memory.max_usage_in_bytes")" '$1 == "total_rss" { printf "%.0f %.0f\n", $2 / 1048576, peak / 1048576 }' "$dir/memory.stat"
  else
    echo "- -"
  fi
}

# The containers named PREFIX-*: "ID NAME" per line.
bench_cluster_containers() {
  bench_api GET "/containers/json?filters=$(hind_urlencode "{\"name\":[\"^/$1-\"]}")" |
    python3 -c 'import json, sys; [print(c["Id"], c["Names"][0][1:]) for c in json.load(sys.stdin)]'
}

# Called once the cluster PREFIX-* is ready: prints (TSV) NameNode CPU s, median and
# total DataNode CPU s, engine CPU s, machine utilisation (0–1), the NameNode's and
# the median DataNode's RSS (MiB), and the sum of every container's peak (MiB).
bench_cpu_after() {
  local prefix="$1" name id cpu nn="-" workers=() pid ticks=0 shims=0 busy total rss peak nn_rss="-" dn_rss=() peaks="-"
  while read -r id name; do
    cpu="$(bench_cpu_container "$id")"
    read -r rss peak < <(bench_mem_container "$id")
    [[ "$peak" == "-" ]] || peaks=$((${peaks/#-/0} + peak))
    case "$name" in
      "$prefix-namenode") nn="$cpu"; nn_rss="$rss" ;;
      "$prefix-worker-"*)
        [[ "$cpu" == "-" ]] || workers+=("$cpu")
        [[ "$rss" == "-" ]] || dn_rss+=("$rss") ;;
    esac
  done < <(bench_cluster_containers "$prefix")
  for pid in $(bench_cpu_engine_pids); do ticks=$((ticks + $(bench_cpu_ticks "$pid"))); done
  for pid in $(bench_cpu_shim_pids); do
    [[ "$BENCH_CPU_SHIMS0" == *" $pid "* ]] || shims=$((shims + $(bench_cpu_ticks "$pid")))
  done
  read -r busy total < <(bench_cpu_machine)
  local dn_median="-" dn_total="-" dn_rss_median="-"
  if [[ ${#workers[@]} -gt 0 ]]; then
    dn_median="$(printf '%s\n' "${workers[@]}" | hind_median_min_max 3 | cut -d' ' -f1)"
    dn_total="$(printf '%s\n' "${workers[@]}" | awk '{ s += $1 } END { printf "%.3f", s }')"
  fi
  [[ ${#dn_rss[@]} -eq 0 ]] || dn_rss_median="$(printf '%s\n' "${dn_rss[@]}" | hind_median_min_max 0 | cut -d' ' -f1)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$nn" "$dn_median" "$dn_total" \
    "$(awk -v t="$((ticks - BENCH_CPU_ENGINE0 + shims))" -v hz="$BENCH_CLK_TCK" 'BEGIN { printf "%.2f", t / hz }')" \
    "$(awk -v b="$((busy - BENCH_CPU_BUSY0))" -v t="$((total - BENCH_CPU_TOTAL0))" 'BEGIN { printf "%.2f", t ? b / t : 0 }')" \
    "$nn_rss" "$dn_rss_median" "$peaks"
}

# The median of field F of FILE's rows for SIZE and contender C, DECIMALS places, or
# "-" when no row has it: bench_cpu_median FILE SIZE C F DECIMALS
bench_cpu_median() {
  awk -F'\t' -v s="$2" -v c="$3" -v f="$4" '$1 == s && $2 == c && $f != "-" { print $f }' "$1" |
    hind_median_min_max "$5" | cut -d' ' -f1
}

# The median tables of CPU_FILE (size contender run nn dn_median dn_total engine util
# nn_rss dn_rss peak).
bench_cpu_markdown() {
  local file="$1" sizes="$2" contenders="$3" size c f row m
  echo "### CPU seconds from create to ready (medians over the runs)"
  echo
  echo "From the kernel's counters: each container's cgroup read when the cluster is ready (the NameNode's includes its format JVM), the engine's processes (dockerd, containerd, the shims started) over the run, and the machine's busy share of its $(nproc) cores over the run."
  echo
  echo "| workers | contender | NameNode container | one DataNode container | all DataNodes | engine | machine busy |"
  echo "|---:|---|---:|---:|---:|---:|---:|"
  for size in $sizes; do
    for c in $contenders; do
      row="| $size | $c |"
      for f in 4 5 6 7; do
        m="$(bench_cpu_median "$file" "$size" "$c" "$f" 2)"
        [[ "$m" == "-" ]] || m+=" s"
        row+=" $m |"
      done
      m="$(bench_cpu_median "$file" "$size" "$c" 8 4)"
      [[ "$m" == "-" ]] || m="$(awk -v m="$m" 'BEGIN { printf "%.0f %%", m * 100 }')"
      echo "$row $m |"
    done
  done
  echo
  echo "### Memory once ready (medians over the runs)"
  echo
  echo "RSS: the anonymous memory of a container's processes right after ready (cgroup \`total_rss\`); peak: the sum over the cluster's containers of the most each cgroup was charged (page cache included), an upper bound of the cluster's peak."
  echo
  echo "| workers | contender | NameNode RSS | one DataNode RSS | cluster peak |"
  echo "|---:|---|---:|---:|---:|"
  for size in $sizes; do
    for c in $contenders; do
      row="| $size | $c |"
      for f in 9 10 11; do
        m="$(bench_cpu_median "$file" "$size" "$c" "$f" 0)"
        [[ "$m" == "-" ]] || m+=" MiB"
        row+=" $m |"
      done
      echo "$row"
    done
  done
  echo
}
