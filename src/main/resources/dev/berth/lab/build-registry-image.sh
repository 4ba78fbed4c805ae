#!/bin/bash
# build-registry-image.sh - build berth-lab-registry:1 from Debian's
# docker-registry package (/usr/bin/docker-registry, distribution 2.8):
# the binary, the libraries ldd names, and a config without auth/TLS.
# The lab runs it as a container on the lab network (see up.sh).
set -euo pipefail

IMAGE=berth-lab-registry:1
BIN=/usr/bin/docker-registry
work=$(mktemp -d /tmp/berth-lab-registry.XXXXXX)
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"

mkdir -p "$root"/{usr/bin,etc/docker/registry,var/lib/registry,tmp}
chmod 1777 "$root/tmp"
cp "$BIN" "$root/usr/bin/docker-registry"
for lib in $(ldd "$BIN" | grep -o '/[^ ]*'); do   # libc + loader
  mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"
done
cat > "$root/etc/docker/registry/config.yml" <<'EOF'
# lab registry: plain HTTP, no auth; data on a volume at /var/lib/registry
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: /var/lib/registry
  delete:
    enabled: true
http:
  addr: :5000
EOF
tar -C "$root" -c . | docker import \
  --change 'CMD ["/usr/bin/docker-registry", "serve", "/etc/docker/registry/config.yml"]' \
  --change 'VOLUME /var/lib/registry' \
  --change 'EXPOSE 5000' \
  --message "berth-lab-registry from Debian docker-registry" - "$IMAGE" >/dev/null
echo "built $IMAGE"
