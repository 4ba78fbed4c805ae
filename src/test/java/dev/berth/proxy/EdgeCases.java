package dev.berth.proxy;

import dev.berth.model.Ingress;
import dev.berth.model.ObjectMeta;
import dev.berth.model.ObservedPod;
import dev.berth.model.Resource;
import dev.berth.model.Secret;
import dev.berth.model.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.berth.proxy.Replicas.ADDRESSES;
import static dev.berth.proxy.Replicas.pod;

/** The edge's golden cases: Ingresses, Services, replicas and Secrets, each under a name. */
final class EdgeCases {
    static final String SERVICES = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api}
            spec: {selector: {app: api}, ports: [{name: http, port: 8000, targetPort: 8000}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: down}
            spec: {selector: {app: down}, ports: [{port: 80, targetPort: 8080}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: docs}
            spec: {selector: {app: docs}, ports: [{port: 80, targetPort: 8080}]}
            """;
    static final List<ObservedPod> PODS = List.of(
            pod("node-1", "web", "a", true, "8080=32768"), pod("node-2", "web", "b", true, "8080=32771"),
            pod("node-3", "web", "c", false, "8080=32790"),
            pod("node-2", "api", "d", true, "8000=32772"),
            pod("node-3", "docs", "e", true, "8080=32791"), pod("node-1", "down", "f", false, "8080=32792"));

    /** A case: the Ingresses (and any extra Services) as YAML, and the Secrets. */
    record Case(String yaml, List<Secret> secrets) {
        NginxConfig render(EdgeSettings settings) {
            List<Resource> objects = Replicas.objects(SERVICES + "---\n" + yaml);
            Endpoints endpoints = Endpoints.of(Replicas.only(objects, Service.class), PODS, ADDRESSES);
            return new EdgeRenderer(settings).render(Replicas.only(objects, Ingress.class), endpoints, secrets);
        }
    }

    private EdgeCases() {
    }

    static Map<String, Case> all() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("two-hosts-default-backend", new Case("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: site}
                spec:
                  defaultBackend: {service: {name: web, port: {number: 80}}}
                  rules:
                    - host: web.example.com
                      http:
                        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
                    - host: api.example.com
                      http:
                        paths: [{path: /v1, pathType: Prefix, backend: {service: {name: api, port: {name: http}}}}]
                """, List.of()));
        cases.put("exact-and-prefix", new Case("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: a-paths}
                spec:
                  rules:
                    - host: web.example.com
                      http:
                        paths:
                          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                          - {path: /api/, pathType: Prefix, backend: {service: {name: api, port: {number: 8000}}}}
                          - {path: /api/v1/health, pathType: Exact, backend: {service: {name: web, port: {number: 80}}}}
                          - {path: /static, pathType: ImplementationSpecific, backend: {service: {name: docs, port: {number: 80}}}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: b-later}
                spec:
                  rules:
                    - host: web.example.com
                      http:
                        paths:
                          - {path: /api, pathType: Exact, backend: {service: {name: docs, port: {number: 80}}}}
                          - {path: /api, pathType: Prefix, backend: {service: {name: docs, port: {number: 80}}}}
                    - http:
                        paths:
                          - {path: /docs, pathType: Prefix, backend: {service: {name: docs, port: {number: 80}}}}
                """, List.of()));
        cases.put("tls", new Case("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: secure}
                spec:
                  tls:
                    - {hosts: [web.example.com], secretName: web-tls}
                    - {hosts: ["*.shop.example.com"], secretName: shop-tls}
                    - {hosts: [api.example.com], secretName: missing-tls}
                  rules:
                    - host: web.example.com
                      http:
                        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
                    - host: "*.shop.example.com"
                      http:
                        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
                    - host: api.example.com
                      http:
                        paths: [{path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 8000}}}}]
                """, List.of(tls("web-tls", "tls/rsa.crt", "tls/rsa.key"),
                tls("shop-tls", "tls/chain.crt", "tls/leaf.key"))));
        cases.put("no-ready-endpoints", new Case("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: down}
                spec:
                  rules:
                    - host: docs.example.com
                      http:
                        paths:
                          - {path: /, pathType: Prefix, backend: {service: {name: down, port: {number: 80}}}}
                          - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 9999}}}}
                          - {path: /gone, pathType: Prefix, backend: {service: {name: gone, port: {number: 80}}}}
                """, List.of()));
        return cases;
    }

    static Secret tls(String name, String certificate, String key) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("tls.crt", Golden.bytes(certificate));
        values.put("tls.key", Golden.bytes(key));
        return new Secret(Secret.API_VERSION, Secret.KIND, new ObjectMeta(name, "default", null, null), Secret.TLS,
                values);
    }
}
