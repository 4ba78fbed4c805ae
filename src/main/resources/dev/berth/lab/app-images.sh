#!/bin/bash
# app-images.sh - build the tiny application images used by lab tests.
#
#   berth-hello:v1, berth-hello:v2  busybox httpd on :8080; GET / answers
#                                   "berth-hello <version> <hostname>", GET /cgi-bin/health answers "ok"
#   berth-hello:broken              same server, but every request answers HTTP 500
#                                   (the container runs, it never becomes healthy)
#   berth-edge:2                    nginx (Debian's binary, its stream module from
#                                   libnginx-mod-stream, and their shared libs copied in);
#                                   listens on :80, serves a static page until berth gives
#                                   it its own configuration (the edge and the Service proxies)
#
# Nothing is pulled from a registry: every image is a `docker import` of a
# rootfs tarball assembled here from host files (busybox-static, nginx).
#
# Usage: app-images.sh   (berth lab up pushes them to the lab registry)
set -euo pipefail

BUSYBOX=/bin/busybox          # from Debian's busybox-static
NGINX=/usr/sbin/nginx         # from Debian's nginx-light
STREAM=/usr/lib/nginx/modules/ngx_stream_module.so   # from Debian's libnginx-mod-stream
WORK=$(mktemp -d /tmp/berth-app-images.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# A rootfs with a static busybox, its applets as symlinks, and the files an
# ordinary program expects (/etc/passwd etc., /tmp).
busybox_rootfs() {
  local root=$1
  mkdir -p "$root"/{bin,etc,tmp,www/cgi-bin,proc,sys,dev}
  chmod 1777 "$root/tmp"
  cp "$BUSYBOX" "$root/bin/busybox"
  for applet in $("$BUSYBOX" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
}

# berth-hello:<tag>. $2 = "ok" for a healthy app, "broken" for one answering 500.
build_hello() {
  local tag=$1 mode=$2 root="$WORK/hello-$1"
  busybox_rootfs "$root"
  echo "$tag" > "$root/etc/berth-hello-version"

  # busybox httpd runs /cgi-bin/index.cgi for "/" when there is no index.html.
  if [ "$mode" = ok ]; then
    cat > "$root/www/cgi-bin/index.cgi" <<'EOF'
#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\n'
echo "berth-hello $(cat /etc/berth-hello-version) $(hostname)"
EOF
    cat > "$root/www/cgi-bin/health" <<'EOF'
#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\nok\n'
EOF
  else
    for f in index.cgi health; do
      cat > "$root/www/cgi-bin/$f" <<'EOF'
#!/bin/sh
printf 'Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\n'
echo "berth-hello broken $(hostname)"
EOF
    done
  fi
  # busybox httpd runs CGIs only under /cgi-bin/, so the health URL is
  # /cgi-bin/health (GET / itself also answers 200, or 500 when broken).
  chmod 755 "$root"/www/cgi-bin/*
  # httpd.conf: nothing special; kept so the file exists and can be tuned.
  echo '# busybox httpd config' > "$root/etc/httpd.conf"

  cat > "$root/start.sh" <<'EOF'
#!/bin/sh
# -f foreground, -v log requests to stderr, PORT overridable via env.
# httpd runs as a child: as PID 1 it would ignore SIGTERM, and `docker stop`
# would wait its full timeout and then SIGKILL it (exit 137).
httpd -f -v -p "${PORT:-8080}" -h /www -c /etc/httpd.conf &
trap 'kill $!; exit 0' TERM INT
wait $!
EOF
  chmod 755 "$root/start.sh"

  tar -C "$root" -c . | docker import \
    --change 'CMD ["/start.sh"]' \
    --change 'ENV PATH=/bin PORT=8080' \
    --change 'EXPOSE 8080' \
    --message "berth-hello $tag" - "berth-hello:$tag" >/dev/null
  echo "built berth-hello:$tag"
}

# berth-edge:2 - nginx and its stream module with the exact shared libraries ldd reports.
build_edge() {
  local root="$WORK/edge"
  [ -f "$STREAM" ] || { echo "app-images: $STREAM is missing: apt-get install libnginx-mod-stream" >&2; exit 2; }
  busybox_rootfs "$root"     # busybox gives a shell for debugging/exec, ~2 MB
  mkdir -p "$root"/usr/sbin "$root"/etc/nginx/conf.d "$root"/etc/nginx/modules-enabled "$root"/var/log/nginx \
           "$root"/var/lib/nginx "$root"/run "$root"/var/lock "$root"/usr/share/nginx/html \
           "$root$(dirname "$STREAM")"
  cp "$NGINX" "$root/usr/sbin/nginx"
  cp "$STREAM" "$root$STREAM"
  # Debian's way of loading a dynamic module; nginx images built with the module have no such directory
  echo "load_module $STREAM;" > "$root/etc/nginx/modules-enabled/50-mod-stream.conf"
  # copy every library (and the dynamic loader) at the same path as on the host
  for lib in $( (ldd "$NGINX"; ldd "$STREAM") | grep -o '/[^ ]*' | sort -u); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  cp /etc/nginx/mime.types "$root/etc/nginx/mime.types"
  cat > "$root/etc/nginx/nginx.conf" <<'EOF'
# minimal edge config; berth/tests replace conf.d/*.conf (bind mount or docker cp)
user nobody nogroup;
worker_processes 1;
pid /run/nginx.pid;
error_log stderr;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log /dev/stdout;
  include /etc/nginx/conf.d/*.conf;
}
EOF
  cat > "$root/etc/nginx/conf.d/default.conf" <<'EOF'
server {
  listen 80 default_server;
  location / { root /usr/share/nginx/html; }
}
EOF
  echo 'berth-edge' > "$root/usr/share/nginx/html/index.html"
  tar -C "$root" -c . | docker import \
    --change 'CMD ["/usr/sbin/nginx","-g","daemon off;"]' \
    --change 'ENV PATH=/usr/sbin:/bin' \
    --change 'EXPOSE 80' \
    --message "berth-edge (nginx from Debian)" - berth-edge:2 >/dev/null
  echo "built berth-edge:2"
}

build_hello v1 ok
build_hello v2 ok
build_hello broken broken
build_edge

