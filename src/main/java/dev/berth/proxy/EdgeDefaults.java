package dev.berth.proxy;

/**
 * What every request through the edge gets: the usual proxy headers, WebSocket upgrades, keep-alive to the
 * replicas (HTTP/1.1 with the hop-by-hop {@code Connection} header cleared unless the client upgrades), timeouts,
 * and the retry of a failed request on the next replica. nginx retries only idempotent requests unless told
 * otherwise, and berth does not tell it otherwise.
 */
final class EdgeDefaults {
    private EdgeDefaults() {
    }

    static void write(ConfigText text) {
        text.line("default_type application/octet-stream;")
                .line("access_log /dev/stdout;")
                .line("server_tokens off;")
                .line("server_names_hash_bucket_size 128;")
                .line("keepalive_timeout 75s;")
                .line("keepalive_requests 10000;")
                .blank()
                .line("ssl_protocols TLSv1.2 TLSv1.3;")
                .line("ssl_session_cache shared:berth_tls:10m;")
                .line("ssl_session_timeout 1h;")
                .blank()
                .open("map $http_upgrade $connection_upgrade").line("default upgrade;").line("\"\" \"\";").close()
                .blank()
                .line("proxy_http_version 1.1;")
                .line("proxy_set_header Host $host;")
                .line("proxy_set_header X-Real-IP $remote_addr;")
                .line("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")
                .line("proxy_set_header X-Forwarded-Proto $scheme;")
                .line("proxy_set_header X-Forwarded-Host $host;")
                .line("proxy_set_header Upgrade $http_upgrade;")
                .line("proxy_set_header Connection $connection_upgrade;")
                .line("proxy_connect_timeout 5s;")
                .line("proxy_send_timeout 60s;")
                .line("proxy_read_timeout 60s;")
                .line("proxy_next_upstream error timeout http_502 http_503;")
                .line("proxy_next_upstream_tries 3;");
    }
}
