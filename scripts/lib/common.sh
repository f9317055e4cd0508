# shellcheck shell=bash
# Shared helpers for hind's shell scripts (sourced, never executed).
#
# Output style follows kind: one line per step, "✓ what 12.3s" on success and
# "✗ what: why; what to do next" on failure, on stderr for failures.

# Seconds since the epoch with sub-second precision (bash 5's EPOCHREALTIME).
hind_now() {
  printf '%s' "${EPOCHREALTIME:-$(date +%s.%N)}"
}

# Elapsed seconds since START, one decimal: hind_elapsed START
hind_elapsed() {
  awk -v a="$1" -v b="$(hind_now)" 'BEGIN { printf "%.1fs", b - a }'
}

# Numbers on stdin, one per line → "median min max count", DECIMALS places each:
# hind_median_min_max DECIMALS ("- - - 0" when there are none).
hind_median_min_max() {
  sort -g | awk -v d="$1" '
    { a[NR] = $1 }
    END {
      if (NR == 0) { print "- - - 0"; exit }
      m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
      f = "%." d "f"
      printf f " " f " " f " %d\n", m, a[1], a[NR], NR
    }'
}

# ✓ line with elapsed time: hind_ok "base rootfs (debootstrap)" START
hind_ok() {
  if [[ $# -ge 2 ]]; then
    printf ' ✓ %s %s\n' "$1" "$(hind_elapsed "$2")"
  else
    printf ' ✓ %s\n' "$1"
  fi
}

# • progress line for long steps: hind_info "downloading ..."
hind_info() {
  printf ' • %s\n' "$*"
}

# ✗ line on stderr, no exit: hind_fail "what: why; what to do next"
hind_fail() {
  printf ' ✗ %s\n' "$*" >&2
}

# ✗ line on stderr and exit 1.
hind_die() {
  hind_fail "$*"
  exit 1
}

# The engine's unix socket path: from DOCKER_HOST when it is unix://, else the
# default /var/run/docker.sock. Other schemes (tcp://, ssh://) are refused:
# hind only speaks to a local engine through its socket.
hind_engine_socket() {
  local host="${DOCKER_HOST:-}"
  if [[ -z "$host" ]]; then
    printf '%s' /var/run/docker.sock
  elif [[ "$host" == unix://* ]]; then
    printf '%s' "${host#unix://}"
  else
    hind_die "DOCKER_HOST=$host is not a unix:// socket; unset DOCKER_HOST or point it at unix:///var/run/docker.sock"
  fi
}

# Prints the engine's API version (header Api-Version of /_ping) and returns 0
# when an engine answers OK on SOCKET, else returns 1: hind_engine_ping SOCKET
hind_engine_ping() {
  local sock="$1" headers body
  [[ -S "$sock" ]] || return 1
  command -v curl >/dev/null 2>&1 || return 1
  headers="$(mktemp)"
  body="$(curl -s --max-time 5 --unix-socket "$sock" -D "$headers" http://localhost/_ping 2>/dev/null || true)"
  if [[ "$body" != "OK" ]]; then
    rm -f "$headers"
    return 1
  fi
  # Header names are case-insensitive; strip the CR of the HTTP line ending.
  awk -F': *' 'tolower($1) == "api-version" { gsub(/\r/, "", $2); print $2 }' "$headers"
  rm -f "$headers"
  return 0
}

# Engine API call with curl: hind_api OUT METHOD PATH [curl args...]
# PATH is relative to the versioned root (e.g. /images/json); the response body
# goes to the file OUT; prints the HTTP status code. Needs HIND_SOCK and
# HIND_API_VERSION (hind_engine_connect).
hind_api() {
  local out="$1" method="$2" path="$3"
  shift 3
  curl -sS --unix-socket "$HIND_SOCK" -X "$method" -o "$out" -w '%{http_code}' \
    "$@" "http://localhost/v${HIND_API_VERSION}${path}" ||
    hind_die "engine API $method $path failed on $HIND_SOCK; is the engine running? run scripts/setup-engine"
}

# The "message" of an engine error body (or the body itself): hind_api_message FILE
hind_api_message() {
  local msg
  msg="$(sed -n 's/.*"message":"\(\([^"\\]\|\\.\)*\)".*/\1/p' "$1" | head -n1)"
  [[ -n "$msg" ]] || msg="$(head -c 300 "$1")"
  printf '%s' "$msg"
}

# Percent-encodes a string for a URL query: hind_urlencode STRING
# Works byte by byte (C locale) so UTF-8 text is encoded as its bytes.
hind_urlencode() {
  local LC_ALL=C
  local s="$1" i c out=""
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [a-zA-Z0-9.~_-]) out+="$c" ;;
      *) out+="$(printf '%%%02X' "'$c")" ;;
    esac
  done
  printf '%s' "$out"
}

# Finds the engine and sets HIND_SOCK and HIND_API_VERSION (the lower of the
# engine's API version and 1.41, the version hind's scripts are written for),
# or exits with a one-line hint: hind_engine_connect
hind_engine_connect() {
  local server
  HIND_SOCK="$(hind_engine_socket)"
  command -v curl >/dev/null 2>&1 || hind_die "curl is missing; install it (apt-get install curl) or run scripts/setup-engine as root"
  server="$(hind_engine_ping "$HIND_SOCK")" || hind_die "no Docker engine answers on $HIND_SOCK; run scripts/setup-engine (as root) first"
  HIND_API_VERSION="$(hind_min_version "${server:-1.41}" 1.41)"
  export HIND_SOCK HIND_API_VERSION
}

# The lower of two MAJOR.MINOR versions: hind_min_version 1.43 1.41 -> 1.41
hind_min_version() {
  printf '%s\n%s\n' "$1" "$2" | sort -t. -k1,1n -k2,2n | head -n1
}

# Is Debian package NAME installed?
hind_pkg_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

# Installs the missing ones of PACKAGES with apt (root only), naming the
# download that failed when the mirror is unreachable: hind_apt_install PKG...
# WHY (HIND_APT_WHY, optional) says what they are for in the messages.
hind_apt_install() {
  local missing=() pkg start log
  for pkg in "$@"; do
    hind_pkg_installed "$pkg" || missing+=("$pkg")
  done
  [[ ${#missing[@]} -gt 0 ]] || return 0
  command -v apt-get >/dev/null 2>&1 ||
    hind_die "apt-get not found: install ${missing[*]} by hand, then rerun"
  [[ "$(id -u)" -eq 0 ]] ||
    hind_die "${missing[*]} missing and not root: as root, run apt-get install ${missing[*]}, then rerun"
  start="$(hind_now)"
  log="$(mktemp)"
  hind_info "installing ${missing[*]} with apt"
  if ! DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1 ||
    grep -qE '^(Err|W: Failed to fetch)' "$log"; then
    # apt-get update exits 0 on some fetch failures: "Err:1 URL SUITE InRelease"
    # and, on the next line, why it failed.
    hind_fail "apt-get update failed: $(grep -A1 -E '^(Err|E:|W: Failed)' "$log" | head -n2 | tr -s ' \n' ' ' || true)"
    rm -f "$log"
    hind_die "cannot reach the Debian mirror in /etc/apt/sources.list(.d); fix the network or the mirror, then rerun"
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
    hind_fail "apt-get install ${missing[*]} failed: $(grep -A1 -E '^(Err|E:)' "$log" | head -n2 | tr -s ' \n' ' ' || tail -n1 "$log")"
    rm -f "$log"
    hind_die "install ${missing[*]} by hand (apt-get install ${missing[*]}), then rerun"
  fi
  rm -f "$log"
  hind_ok "installed ${missing[*]}" "$start"
}
