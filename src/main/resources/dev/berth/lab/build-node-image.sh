#!/bin/bash
# build-node-image.sh - build the lab node image berth-lab-node:1.
#
# 1. debootstrap a minimal Debian bookworm with sshd + docker.io into a rootfs
#    and cache it as a tarball in /var/cache/berth-lab/ (the slow step, ~40 s;
#    the cache key is a hash of suite + package list, so changing the list
#    re-bootstraps).
# 2. unpack the cached tarball, customise it (user berth, sshd config, init
#    script) and `docker import` it with CMD/ENV. No Dockerfile, no registry.
#    Skipped when the image exists and was made from the same inputs
#    (a hash of them is stored as the image's import comment).
#
# Usage: build-node-image.sh [--force | --check]
#   --check  build nothing; exit 0 when the image is up to date, 10 when it must be built
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
IMAGE=berth-lab-node:1
SUITE=bookworm
# The Debian mirror: $BERTH_LAB_MIRROR, else the one apt on this machine uses for $SUITE, else
# debootstrap's own default (an empty MIRROR leaves the argument out).
apt_mirror() {
  local f
  # one-line format: deb [options] URI SUITE COMPONENTS...
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" | awk -v suite="$SUITE" \
      '$1 == "deb" && $3 == suite { print $2; exit }'
  done
  # deb822 format: stanzas of Types/URIs/Suites separated by blank lines
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    awk -v suite="$SUITE" '
      function flush() { if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && uri != "") { print uri; found = 1; exit } types = ""; suites = ""; uri = "" }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      tolower($1) == "types:"  { $1 = ""; types = $0 }
      tolower($1) == "suites:" { $1 = ""; suites = $0 }
      tolower($1) == "uris:"   { uri = $2 }
      END { if (!found) flush() }' "$f"
  done
}
MIRROR=${BERTH_LAB_MIRROR:-$(apt_mirror | sed -n 1p)}
CACHE=/var/cache/berth-lab
# openssh-server: what berth talks to; docker.io (+containerd, runc, tini):
# the node's engine; iptables: for dockerd's NAT/port publishing and for
# partition tests; curl + iputils-ping: test tools; procps: ps/pkill.
PACKAGES=openssh-server,docker.io,iproute2,iptables,ca-certificates,procps,curl,tini,iputils-ping
INIT="$HERE/node/berth-lab-init"

FORCE=${1:-}
key=$(echo "$SUITE $PACKAGES" | sha256sum | cut -c1-12)
tarball="$CACHE/rootfs-$SUITE-$key.tar"
# image identity = base rootfs + init script + this script's customisation
inputs=$( (echo "$key"; cat "$INIT" "$0") | sha256sum | cut -c1-12)

if [ "$FORCE" != --force ] && \
   [ "$(docker image inspect -f '{{.Comment}}' "$IMAGE" 2>/dev/null)" = "berth-lab-node inputs=$inputs" ]; then
  echo "$IMAGE is up to date (inputs=$inputs)"
  exit 0
fi
if [ "$FORCE" = --check ]; then
  echo "$IMAGE must be built (inputs=$inputs)"
  exit 10
fi

mkdir -p "$CACHE"
work=$(mktemp -d /tmp/berth-lab-node.XXXXXX)
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"

# ---- step 1: cached debootstrap ------------------------------------------------
if [ ! -s "$tarball" ]; then
  echo "debootstrap $SUITE ($PACKAGES) from ${MIRROR:-the default mirror} ..."
  debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$root" ${MIRROR:+"$MIRROR"} \
    > "$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log"; exit 1; }
  # drop what a node never needs: downloaded .debs, apt lists, docs, locales
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* \
         "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/*
  tar -C "$root" --numeric-owner -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
  rm -rf "$root"
  echo "cached $tarball ($(du -h "$tarball" | cut -f1))"
fi

# ---- step 2: customise and import ---------------------------------------------------
mkdir -p "$root"
tar -C "$root" --numeric-owner -xf "$tarball"

# user berth: key-only login ('*' = no password, but not "locked" for sshd),
# member of group docker (created by docker.io's postinst) => non-root docker
chroot "$root" useradd --create-home --shell /bin/bash --groups docker berth
chroot "$root" usermod -p '*' berth

# sshd: host keys are generated at first boot by the init script, so every node
# has its own; keys only; no root login
rm -f "$root"/etc/ssh/ssh_host_*
cat > "$root/etc/ssh/sshd_config.d/berth-lab.conf" <<'EOF'
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin no
UseDNS no
EOF

mkdir -p "$root/etc/berth-lab"
install -m 755 "$INIT" "$root/usr/local/sbin/berth-lab-init"
# docker overrides these at run time; keep the image's copies neutral
echo berth-lab-node > "$root/etc/hostname"
: > "$root/etc/resolv.conf"

# tini reaps zombies and forwards signals; the init script supervises sshd+dockerd.
# VOLUME /var/lib/docker: the inner engine's data must not live on the node's
# overlayfs (overlay2 on overlay2 does not work), and it must survive stop/start.
tar -C "$root" --numeric-owner -c . | docker import \
  --change 'CMD ["/usr/bin/tini", "--", "/usr/local/sbin/berth-lab-init"]' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'VOLUME /var/lib/docker' \
  --change 'EXPOSE 22' \
  --message "berth-lab-node inputs=$inputs" - "$IMAGE" >/dev/null
echo "built $IMAGE (inputs=$inputs, $(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%d MB", $1/1e6}'))"
