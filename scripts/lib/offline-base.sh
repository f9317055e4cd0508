# shellcheck shell=bash
# The base image's root filesystem, built with debootstrap from the machine's
# own Debian mirror (no container registry needed). Sourced by
# scripts/build-offline-image; this file is part of the base recipe hash, so
# editing it rebuilds the rootfs.
#
# Needs (from the caller): hind_* helpers from common.sh.

HIND_BASE_SUITE="bookworm"
# A JRE, Debian's Jersey 1 (Hadoop 2.7's NameNode needs it; not in pyspark),
# bash for Hadoop's shell-outs (groups, df, du), curl/nc for readiness probes.
HIND_BASE_PACKAGES=(
  openjdk-17-jre-headless
  libjersey1-server-java
  libjersey1-servlet-java
  libjersey1-core-java
  bash
  curl
  procps
  netcat-openbsd
  ca-certificates
)
HIND_UID=1000
HIND_GID=1000
HIND_USER=hadoop
HIND_DATA_DIR=/hadoop/data

# The Debian mirror this machine's apt uses for the base suite, from
# /etc/apt/sources.list (one-line "deb [opts] URI SUITE ...") or
# /etc/apt/sources.list.d/*.sources (deb822 "URIs:"/"Suites:" stanzas).
# Prints the URI; fails when none serves the suite.
hind_debian_mirror() {
  local suite="$1" f uri=""
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$f" ]] || continue
    uri="$(awk -v suite="$suite" '
      $1 == "deb" {
        i = 2
        if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        if ($(i + 1) == suite) { print $i; exit }
      }' "$f")"
    [[ -n "$uri" ]] && break
  done
  if [[ -z "$uri" ]]; then
    for f in /etc/apt/sources.list.d/*.sources; do
      [[ -f "$f" ]] || continue
      # Stanzas are separated by blank lines; keep enabled "deb" stanzas that
      # list the suite, print their first URI.
      uri="$(awk -v suite="$suite" '
        function flush() {
          if (types ~ /(^| )deb( |$)/ && enabled != "no" && (" " suites " ") ~ (" " suite " ") && uris != "") {
            split(uris, u, " "); print u[1]; found = 1; exit
          }
          types = ""; suites = ""; uris = ""; enabled = ""
        }
        /^[ \t]*$/ { flush(); next }
        /^#/ { next }
        tolower($1) == "types:"   { $1 = ""; types = $0 }
        tolower($1) == "uris:"    { $1 = ""; uris = $0 }
        tolower($1) == "suites:"  { $1 = ""; suites = $0 }
        tolower($1) == "enabled:" { enabled = tolower($2) }
        END { if (!found) flush() }' "$f" | sed 's/^ *//')"
      [[ -n "$uri" ]] && break
    done
  fi
  [[ -n "$uri" ]] || return 1
  printf '%s' "${uri%/}"
}

# Builds the rootfs tarball OUT (uncompressed, numeric owners), plus OUT.env
# with JAVA_HOME. Fails naming what could not be downloaded.
hind_build_rootfs() {
  local out="$1" mirror rootfs log java
  mirror="${HIND_DEBIAN_MIRROR:-}"
  [[ -n "$mirror" ]] || mirror="$(hind_debian_mirror "$HIND_BASE_SUITE")" ||
    hind_die "no Debian mirror for '$HIND_BASE_SUITE' in /etc/apt/sources.list(.d); add one (e.g. deb http://deb.debian.org/debian $HIND_BASE_SUITE main)"
  rootfs="$(mktemp -d "${out%/*}/rootfs.XXXXXX")"
  HIND_CLEANUP_PATHS+=("$rootfs")
  log="$HIND_CACHE/logs/debootstrap.log"
  mkdir -p "${log%/*}"
  hind_info "debootstrap $HIND_BASE_SUITE from $mirror (log: $log)"
  local pkgs debs="$HIND_CACHE/debs"
  pkgs="$(IFS=,; printf '%s' "${HIND_BASE_PACKAGES[*]}")"
  # --cache-dir keeps the 90 MB of packages: a rebuild after a recipe change
  # downloads only what changed on the mirror (debootstrap checks checksums).
  mkdir -p "$debs"
  if ! debootstrap --variant=minbase --cache-dir="$debs" --include="$pkgs" \
    "$HIND_BASE_SUITE" "$rootfs" "$mirror" >"$log" 2>&1; then
    # debootstrap names the failing download in lines like
    # "E: Couldn't download http://.../foo.deb" or "E: Failed getting release file ...".
    local why
    why="$(grep -E '^(E:|W: Failure|W: Couldn)' "$log" | head -n1 || true)"
    [[ -n "$why" ]] || why="$(tail -n1 "$log")"
    hind_die "debootstrap from $mirror failed: $why; check that the mirror is reachable (apt-get update), then rerun"
  fi

  hind_prune_debs "$rootfs" "$debs"
  hind_trim_rootfs "$rootfs"
  hind_add_user "$rootfs"

  java="$(chroot "$rootfs" readlink -f /usr/bin/java)" || hind_die "no java in the rootfs; is openjdk-17-jre-headless in the package list?"
  # /usr/lib/jvm/java-17-openjdk-amd64/bin/java -> /usr/lib/jvm/java-17-openjdk-amd64
  printf 'JAVA_HOME=%s\n' "${java%/bin/java}" >"$out.env.tmp"

  tar -C "$rootfs" --numeric-owner --xattrs -cf "$out.tmp" . ||
    hind_die "could not write $out.tmp; check free space in ${out%/*}"
  mv "$out.env.tmp" "$out.env"
  mv "$out.tmp" "$out"
  rm -rf --one-file-system "$rootfs"
}

# Drops cached packages this rootfs did not use (superseded versions).
hind_prune_debs() {
  local rootfs="$1" debs="$2" deb
  for deb in "$debs"/*.deb; do
    [[ -e "$deb" ]] || continue
    [[ -e "$rootfs/var/cache/apt/archives/${deb##*/}" ]] || rm -f "$deb"
  done
}

# Removes what a container never needs: package caches and lists, docs, man
# pages, locales; and stops dpkg from installing them again later.
hind_trim_rootfs() {
  local r="$1"
  rm -rf "$r"/var/cache/apt/archives/*.deb "$r"/var/cache/apt/*.bin \
    "$r"/var/lib/apt/lists/* "$r"/var/cache/debconf/*-old "$r"/var/lib/dpkg/*-old \
    "$r"/usr/share/doc/* "$r"/usr/share/man/* "$r"/usr/share/info/* \
    "$r"/usr/share/lintian "$r"/usr/share/linda "$r"/usr/share/bug \
    "$r"/var/log/*.log "$r"/var/log/apt/* "$r"/var/cache/ldconfig/aux-cache
  # Keep only English/C locale messages.
  find "$r/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name 'en*' ! -name 'locale.alias' -exec rm -rf {} + 2>/dev/null || true
  mkdir -p "$r/etc/dpkg/dpkg.cfg.d" "$r/etc/apt/apt.conf.d"
  cat >"$r/etc/dpkg/dpkg.cfg.d/01-hind-nodoc" <<'EOF'
# hind: containers carry no documentation (like Docker's debian images)
path-exclude=/usr/share/doc/*
path-include=/usr/share/doc/*/copyright
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/lintian/*
EOF
  cat >"$r/etc/apt/apt.conf.d/01-hind-clean" <<'EOF'
// hind: keep no downloaded packages in the image
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };
APT::Install-Recommends "false";
EOF
  # Docker bind-mounts these at run time; do not bake the build host's values in.
  : >"$r/etc/resolv.conf"
  printf 'localhost\n' >"$r/etc/hostname"
}

# The unprivileged user Hadoop runs as, and the data directory named volumes
# are mounted on (Docker copies a mount point's ownership into a new, empty
# named volume, so the daemons can write there without running as root).
hind_add_user() {
  local r="$1"
  chroot "$r" groupadd --gid "$HIND_GID" "$HIND_USER"
  chroot "$r" useradd --uid "$HIND_UID" --gid "$HIND_GID" --create-home \
    --home-dir "/home/$HIND_USER" --shell /bin/bash "$HIND_USER"
  install -d -m 0755 "$r${HIND_DATA_DIR%/*}"
  install -d -o "$HIND_UID" -g "$HIND_GID" -m 0755 "$r$HIND_DATA_DIR"
}
