# shellcheck shell=bash
# Measurement read-back and Markdown report of scripts/bench.
#
# Results are one TSV line per run (see BENCH_COLUMNS); the report gives the
# median (min-max) of each contender per cluster size.

# Columns of the results file, in order.
BENCH_COLUMNS=(size contender run ready down user sys rss_kb load others
  launch format nn_start dn_go dn_jvm registered lag steps)

# bench_col NAME: the 1-based column of NAME.
bench_col() {
  local i
  for i in "${!BENCH_COLUMNS[@]}"; do
    [[ "${BENCH_COLUMNS[$i]}" == "$1" ]] && { echo $((i + 1)); return 0; }
  done
  return 1
}

# bench_epoch RFC3339-TIMESTAMP: seconds since the epoch, with fraction.
bench_epoch() {
  date -d "$1" +%s.%N
}

# bench_log_time FILE ERE: epoch of the first line of a `docker logs -t` FILE
# that matches ERE, or nothing.
bench_log_time() {
  local ts
  ts=$(grep -m1 -E "$2" "$1" | cut -d' ' -f1 || true)
  [[ -n "$ts" ]] && bench_epoch "$ts"
  return 0
}

# bench_phases PREFIX N T0 READY_EPOCH DIR: where the time of one run went, read
# from the containers' logs (engine timestamps, host clock), as the TSV fields
#   launch format nn_start dn_go dn_jvm registered lag
# launch      t0 -> the NameNode launcher's first line (engine work, container start)
# format      launcher start -> "starting namenode" (the format JVM, when it runs)
# nn_start    "starting namenode" -> "IPC Server listener ... starting" (JVM start to RPC)
# dn_go       t0 -> the last DataNode launcher's "starting datanode" (after its wait)
# dn_jvm      slowest DataNode: "starting datanode" -> "successfully registered with NN"
# registered  t0 -> the last DataNode registered
# lag         last registration -> the contender saw the cluster ready
bench_phases() {
  local prefix="$1" n="$2" t0="$3" ready="$4" dir="$5" node file
  local nn_first fmt_end nn_rpc go reg go_max="" reg_max="" jvm_max=""
  if ! command -v docker >/dev/null 2>&1; then
    printf -- '-\t-\t-\t-\t-\t-\t-'
    return 0
  fi
  for node in namenode $(seq -f 'worker-%g' 1 "$n"); do
    docker logs -t "$prefix-$node" >"$dir/$prefix-$node.log" 2>&1 || true
  done
  file="$dir/$prefix-namenode.log"
  nn_first=$(bench_log_time "$file" '.')
  fmt_end=$(bench_log_time "$file" 'hind\[namenode\]: starting namenode')
  nn_rpc=$(bench_log_time "$file" 'IPC Server listener on [0-9]+: starting')
  for node in $(seq -f 'worker-%g' 1 "$n"); do
    file="$dir/$prefix-$node.log"
    go=$(bench_log_time "$file" "hind\\[$node\\]: starting datanode")
    reg=$(bench_log_time "$file" 'successfully registered with NN')
    [[ -n "$go" && -n "$reg" ]] || continue
    go_max=$(awk -v a="$go" -v b="${go_max:-0}" 'BEGIN { print (a > b ? a : b) }')
    reg_max=$(awk -v a="$reg" -v b="${reg_max:-0}" 'BEGIN { print (a > b ? a : b) }')
    jvm_max=$(awk -v a="$reg" -v g="$go" -v b="${jvm_max:-0}" 'BEGIN { d = a - g; print (d > b ? d : b) }')
  done
  awk -v t0="$t0" -v ready="$ready" -v first="$nn_first" -v fmt="$fmt_end" -v rpc="$nn_rpc" \
    -v go="$go_max" -v jvm="$jvm_max" -v reg="$reg_max" '
    function d(a, b) { return (a == "" || b == "") ? "-" : sprintf("%.2f", a - b) }
    BEGIN {
      printf "%s\t%s\t%s\t%s\t%s\t%s\t%s", d(first, t0), d(fmt, first), d(rpc, fmt), d(go, t0),
        (jvm == "" ? "-" : sprintf("%.2f", jvm)), d(reg, t0), d(ready, reg)
    }'
}

# bench_stat FILE SIZE CONTENDER COLUMN: "median min max" (one decimal) of a
# column over the runs of a contender, or "- - -".
bench_stat() {
  local col
  col=$(bench_col "$4")
  awk -F'\t' -v s="$2" -v c="$3" -v col="$col" '$1 == s && $2 == c && $4 != "fail" && $col ~ /^-?[0-9.]+$/ { print $col }' "$1" |
    hind_median_min_max 1 | cut -d' ' -f1-3
}

# bench_count FILE SIZE CONTENDER: how many runs succeeded.
bench_count() {
  awk -F'\t' -v s="$2" -v c="$3" '$1 == s && $2 == c && $4 != "fail" { n++ } END { print n + 0 }' "$1"
}

# bench_ratio A B: A/B with two decimals.
bench_ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'
}

# bench_markdown FILE SIZES CONTENDERS: the report section (Markdown) on stdout.
bench_markdown() {
  local file="$1" sizes="$2" contenders="$3" size c med min max s
  local -A median
  echo "### Time to ready (seconds; median, min–max over the runs)"
  echo
  echo "From the start of the command to Hadoop reporting every DataNode live with safe mode off."
  echo
  echo "| workers | contender | ready: median | min – max | runs | down: median (min – max) |"
  echo "|---:|---|---:|---:|---:|---:|"
  for size in $sizes; do
    for c in $contenders; do
      read -r med min max < <(bench_stat "$file" "$size" "$c" ready)
      median[$size.$c]="$med"
      read -r s dmin dmax < <(bench_stat "$file" "$size" "$c" down)
      echo "| $size | $c | **$med** | $min – $max | $(bench_count "$file" "$size" "$c") | $s ($dmin – $dmax) |"
    done
  done
  echo
  if [[ " $contenders " == *" hind "* ]]; then
    echo "### Ratios of the medians"
    echo
    echo "| workers | hind / docker-compose | hind / floor |"
    echo "|---:|---:|---:|"
    for size in $sizes; do
      echo "| $size | $(bench_ratio "${median[$size.hind]:--}" "${median[$size.compose]:--}") | $(bench_ratio "${median[$size.hind]:--}" "${median[$size.floor]:--}") |"
    done
    echo
    echo "### hind's own cost during \`up\` (\`/usr/bin/time\`)"
    echo
    echo "| workers | CPU user + sys: median (min – max) s | peak RSS: median (max) MB |"
    echo "|---:|---:|---:|"
    for size in $sizes; do
      read -r umed _ _ < <(bench_stat "$file" "$size" hind user)
      read -r smed _ _ < <(bench_stat "$file" "$size" hind sys)
      local cpu
      cpu=$(awk -F'\t' -v s="$size" '$1 == s && $2 == "hind" && $6 != "-" { print $6 + $7 }' "$file" | sort -g |
        awk '{ a[NR] = $1 } END { if (!NR) { print "-"; exit } m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f (%.2f – %.2f)", m, a[1], a[NR] }')
      local rss
      rss=$(awk -F'\t' -v s="$size" '$1 == s && $2 == "hind" && $8 != "-" { print $8 / 1024 }' "$file" | sort -g |
        awk '{ a[NR] = $1 } END { if (!NR) { print "-"; exit } m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.0f (%.0f)", m, a[NR] }')
      echo "| $size | $cpu | $rss |"
      : "$umed" "$smed"
    done
    echo
  fi
  echo "### Where the time goes (medians over the runs, seconds)"
  echo
  echo "Read from the containers' logs (engine timestamps) after each run; t0 is the start of the command."
  echo
  echo "| workers | contender | t0 → NameNode launcher starts | format JVM | NameNode JVM → RPC listening | t0 → last DataNode launched | slowest DataNode JVM → registered | t0 → all registered | → ready seen |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  for size in $sizes; do
    for c in $contenders; do
      local row="| $size | $c |" f
      for f in launch format nn_start dn_go dn_jvm registered lag; do
        read -r med _ _ < <(bench_stat "$file" "$size" "$c" "$f")
        row+=" $med |"
      done
      echo "$row"
    done
  done
  echo
  if [[ " $contenders " == *" hind "* ]]; then
    echo "### hind's steps (its stderr), run with the median time to ready"
    echo
    echo "| workers | steps |"
    echo "|---:|---|"
    for size in $sizes; do
      read -r med _ _ < <(bench_stat "$file" "$size" hind ready)
      local steps
      steps=$(awk -F'\t' -v s="$size" -v m="$med" '$1 == s && $2 == "hind" && $4 != "fail" {
          d = $4 - m; if (d < 0) d = -d; if (best == "" || d < bestd) { best = $18; bestd = d } }
        END { print best }' "$file")
      echo "| $size | ${steps//;/ · } |"
    done
    echo
  fi
  echo "<details><summary>Every run</summary>"
  echo
  echo "| $(IFS='|'; echo "${BENCH_COLUMNS[*]}" | sed 's/|/ | /g') |"
  echo "|$(printf '%.0s---|' "${BENCH_COLUMNS[@]}")"
  sed 's/\t/ | /g; s/^/| /; s/$/ |/' "$file"
  echo
  echo "</details>"
}

# bench_write_section FILE SECTION-FILE: replaces the text between the markers
# in FILE with SECTION-FILE's (appends markers and section when absent).
bench_write_section() {
  local target="$1" section="$2" begin='<!-- bench:begin -->' end='<!-- bench:end -->'
  if [[ ! -f "$target" ]] || ! grep -qF "$begin" "$target"; then
    { [[ -f "$target" ]] && cat "$target"; echo; echo "$begin"; cat "$section"; echo "$end"; } >"$target.tmp"
  else
    awk -v b="$begin" -v e="$end" -v f="$section" '
      $0 == b { print; while ((getline line < f) > 0) print line; skip = 1; next }
      $0 == e { skip = 0 }
      !skip { print }' "$target" >"$target.tmp"
  fi
  mv "$target.tmp" "$target"
}
