# shellcheck shell=bash
# Engine API helpers of scripts/bench: curl on the engine's unix socket, the
# NameNode readiness poll every contender is measured with, and the "floor"
# contender (a hand-written parallel create+start of the same containers).
#
# Needs (from the caller): BENCH_SOCK (the engine socket), BENCH_IMAGE.

BENCH_API="v1.41"

# bench_api METHOD PATH [JSON-BODY]: the response body on stdout; fails on HTTP >= 400.
bench_api() {
  local method="$1" path="$2" body="${3-}"
  if [[ -n "$body" ]]; then
    curl -sS --fail --unix-socket "$BENCH_SOCK" -X "$method" -H 'Content-Type: application/json' \
      --data-binary "$body" "http://localhost/$BENCH_API$path"
  else
    curl -sS --fail --unix-socket "$BENCH_SOCK" -X "$method" "http://localhost/$BENCH_API$path"
  fi
}

# bench_host_port CONTAINER PORT: the host port the engine published PORT/tcp on.
bench_host_port() {
  bench_api GET "/containers/$1/json" |
    grep -o "\"$2/tcp\":\[{\"HostIp\":\"[^\"]*\",\"HostPort\":\"[0-9][0-9]*\"" |
    head -n1 | grep -o '[0-9]*"$' | tr -d '"'
}

# bench_wait_ready PORT N TIMEOUT: polls the NameNode's FSNamesystemState bean on
# 127.0.0.1:PORT every 100 ms until NumLiveDataNodes = N and FSState is
# Operational (the condition hind up waits for). Fails after TIMEOUT seconds.
bench_wait_ready() {
  local url="http://127.0.0.1:$1/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState"
  local n="$2" deadline body live state
  deadline=$(awk -v now="$EPOCHREALTIME" -v t="$3" 'BEGIN { printf "%d", now + t }')
  while :; do
    body=$(curl -s --max-time 1 "$url" || true)
    live=$(sed -n 's/.*"NumLiveDataNodes" *: *\([0-9][0-9]*\).*/\1/p' <<<"$body")
    state=$(sed -n 's/.*"FSState" *: *"\([A-Za-z]*\)".*/\1/p' <<<"$body")
    if [[ "$live" == "$n" && "$state" == "Operational" ]]; then
      return 0
    fi
    if [[ "${EPOCHREALTIME%.*}" -ge "$deadline" ]]; then
      return 1
    fi
    sleep 0.1
  done
}

# --- floor -------------------------------------------------------------------
# The same containers hind creates (image, entry point, hostname + network alias,
# memory limit, init, no capabilities, no-new-privileges, one named volume per
# node, NameNode web port published on 127.0.0.1), with the launcher and config rendered by `hind render` bind-mounted,
# created and started in parallel straight through the API; no health check, no
# labels beyond one to find them. DataNodes wait for the NameNode port in the
# launcher, as everywhere.

# bench_floor_body NAME NODE DIR: the create body of node NODE of cluster NAME.
bench_floor_body() {
  local name="$1" node="$2" dir="$3" ports="" bindings=""
  if [[ "$node" == namenode ]]; then
    ports='"ExposedPorts":{"50070/tcp":{}},'
    bindings=',"PortBindings":{"50070/tcp":[{"HostIp":"127.0.0.1","HostPort":""}]}'
  fi
  printf '{"Image":"%s","Hostname":"%s","Entrypoint":["/bin/sh","/hind/launcher.sh"],"Cmd":["run"],' \
    "$BENCH_IMAGE" "$node"
  # As hind's containers: root for the launcher's first step (the data directory), with
  # only the capabilities it needs, then the image's user.
  printf '"Env":["HADOOP_CONF_DIR=/tmp/hind/conf"],"User":"0:0","Labels":{"io.hind.bench":"%s"},%s' "$name" "$ports"
  printf '"HostConfig":{"Binds":["%s/launchers/%s.sh:/hind/launcher.sh:ro","%s/conf:/hind/conf:ro","%s-%s-data:/hadoop/data"],' \
    "$dir" "$node" "$dir" "$name" "$node"
  printf '"NetworkMode":"%s-net","Init":true,"Memory":2147483648,"CapDrop":["ALL"],"CapAdd":["CHOWN","SETGID","SETUID"],"SecurityOpt":["no-new-privileges:true"]%s},' \
    "$name" "$bindings"
  printf '"NetworkingConfig":{"EndpointsConfig":{"%s-net":{"Aliases":["%s"]}}}}' "$name" "$node"
}

# bench_floor_up NAME N DIR: network, then every node's create+start in parallel.
bench_floor_up() {
  local name="$1" n="$2" dir="$3" node pids=() pid failed=0
  bench_api POST /networks/create "{\"Name\":\"$name-net\",\"Labels\":{\"io.hind.bench\":\"$name\"}}" >/dev/null
  for node in namenode $(seq -f 'worker-%g' 1 "$n"); do
    (
      bench_api POST "/containers/create?name=$name-$node" "$(bench_floor_body "$name" "$node" "$dir")" >/dev/null &&
        bench_api POST "/containers/$name-$node/start" >/dev/null
    ) &
    pids+=("$!")
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  return "$failed"
}

# bench_floor_down NAME N: force-removes the containers in parallel, then the
# network and the named volumes.
bench_floor_down() {
  local name="$1" n="$2" node pids=()
  for node in namenode $(seq -f 'worker-%g' 1 "$n"); do
    bench_api DELETE "/containers/$name-$node?force=1&v=1" >/dev/null 2>&1 &
    pids+=("$!")
  done
  wait "${pids[@]}" || true
  pids=()
  bench_api DELETE "/networks/$name-net" >/dev/null 2>&1 &
  pids+=("$!")
  for node in namenode $(seq -f 'worker-%g' 1 "$n"); do
    bench_api DELETE "/volumes/$name-$node-data" >/dev/null 2>&1 &
    pids+=("$!")
  done
  wait "${pids[@]}" || true
}
