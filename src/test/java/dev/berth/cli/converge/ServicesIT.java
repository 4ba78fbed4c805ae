package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import dev.berth.lab.LocalProcess;
import dev.berth.lab.ProcessResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services and Ingresses on the real lab, with the lab's real nginx: the edge on node-1 routing by host name,
 * calls by Service name across nodes, a TLS Secret nginx refuses, and where ports are published. What answers is
 * asked independently of berth: over TCP from this machine, and with docker on the nodes over OpenSSH.
 */
@LabTest
class ServicesIT {
    private static final String NAMESPACE = "it-svc";
    private static final String HEALTH = "readinessProbe: {httpGet: {path: /cgi-bin/health, port: http}, "
            + "periodSeconds: 1, failureThreshold: 1}";

    private LabCluster cluster;
    private Path scratch;

    /** The lab is shared with the other tests, whose cluster-wide runs must not meet this test's objects. */
    @AfterEach
    void forget() {
        cluster.forgetNamespace(NAMESPACE);
    }

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        this.cluster = new LabCluster(lab, scratch);
        this.scratch = scratch;
    }

    /** The hello app at {@code version} behind a Service of its name, with extra pod spec lines. */
    static String app(String name, String version, int replicas, String... podSpecLines) {
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: apps/v1\nkind: Deployment\n")
                .append("metadata: {name: ").append(name).append(", namespace: ").append(NAMESPACE).append("}\n")
                .append("spec:\n  replicas: ").append(replicas).append('\n')
                .append("  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}\n")
                .append("  selector: {matchLabels: {app: ").append(name).append("}}\n")
                .append("  template:\n    metadata: {labels: {app: ").append(name).append("}}\n")
                .append("    spec:\n      terminationGracePeriodSeconds: 5\n");
        for (String line : podSpecLines) {
            yaml.append("      ").append(line).append('\n');
        }
        return yaml.append("      containers:\n")
                .append("        - name: hello\n")
                .append("          image: berth-registry:5000/berth-hello:").append(version).append('\n')
                .append("          ports: [{name: http, containerPort: 8080}]\n")
                .append("          ").append(HEALTH).append('\n')
                .append("          resources: {requests: {cpu: 10m, memory: 16Mi}}\n")
                .append("---\napiVersion: v1\nkind: Service\n")
                .append("metadata: {name: ").append(name).append(", namespace: ").append(NAMESPACE).append("}\n")
                .append("spec: {selector: {app: ").append(name).append("}, ports: [{name: http, port: 80, ")
                .append("targetPort: http}]}\n")
                .toString();
    }

    /** An Ingress routing each host to the Service of the same first label. */
    static String ingress(String name, String tls, String... hosts) {
        StringBuilder yaml = new StringBuilder("---\napiVersion: networking.k8s.io/v1\nkind: Ingress\n")
                .append("metadata: {name: ").append(name).append(", namespace: ").append(NAMESPACE).append("}\n")
                .append("spec:\n");
        if (tls != null) {
            yaml.append("  tls: [{hosts: [").append(hosts[0]).append("], secretName: ").append(tls).append("}]\n");
        }
        yaml.append("  rules:\n");
        for (String host : hosts) {
            yaml.append("    - host: ").append(host).append('\n')
                    .append("      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: ")
                    .append(host.substring(0, host.indexOf('.'))).append(", port: {name: http}}}}]}\n");
        }
        return yaml.toString();
    }

    private Lab.Node edge() {
        return cluster.node("node-1");
    }

    private KeepAliveClient.Response get(String host) throws IOException {
        try (KeepAliveClient client = new KeepAliveClient(edge().address(), 80)) {
            return client.get(host, "/");
        }
    }

    @Test
    void twoHostsRouteToTwoDeploymentsAndAnUnknownHostGets404() throws IOException {
        Path manifests = cluster.manifest("hosts.yaml", app("blue", "v1", 2) + "---\n" + app("green", "v2", 1)
                + ingress("hosts", null, "blue.lab", "green.lab"));
        cluster.succeed("apply", "-f", manifests.toString(), "--wait", "--timeout", "3m");

        for (int i = 0; i < 4; i++) {
            KeepAliveClient.Response blue = get("blue.lab");
            assertThat(blue.status()).isEqualTo(200);
            assertThat(blue.body()).startsWith("berth-hello v1 blue-");
        }
        KeepAliveClient.Response green = get("green.lab");
        assertThat(green.status()).isEqualTo(200);
        assertThat(green.body()).startsWith("berth-hello v2 green-");
        assertThat(get("unknown.lab").status()).isEqualTo(404);

        CliRunner.Result status = cluster.succeed("edge", "status");
        assertThat(status.out()).contains("node-1", "Running");
        CliRunner.Result again = cluster.succeed("apply", "-f", manifests.toString());
        assertThat(again.err()).doesNotContain("load berth-");
    }

    @Test
    void aTlsSecretNginxRefusesLeavesTheOldConfigurationServingAndSaysWhy() throws IOException {
        Path plain = cluster.manifest("plain.yaml", app("secure", "v1", 1) + ingress("secure", null, "secure.lab"));
        cluster.succeed("apply", "-f", plain.toString(), "--wait", "--timeout", "3m");
        String before = servingHash();

        // A pair that belongs together, which berth's check accepts, and nginx's OpenSSL refuses: a 512-bit key.
        ProcessResult made = new LocalProcess().run(List.of("openssl", "req", "-x509", "-newkey", "rsa:512", "-nodes",
                "-keyout", scratch.resolve("tls.key").toString(), "-out", scratch.resolve("tls.crt").toString(),
                "-subj", "/CN=secure.lab", "-days", "2"), Duration.ofSeconds(60));
        assertThat(made.succeeded()).as(made.toString()).isTrue();
        Path withTls = cluster.manifest("tls.yaml", app("secure", "v1", 1) + ingress("secure", "weak", "secure.lab")
                + "---\napiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\n"
                + "metadata: {name: weak, namespace: " + NAMESPACE + "}\nstringData:\n"
                + "  tls.crt: |\n" + indent(Files.readString(scratch.resolve("tls.crt")))
                + "  tls.key: |\n" + indent(Files.readString(scratch.resolve("tls.key"))));

        CliRunner.Result refused = cluster.berth("apply", "-f", withTls.toString(), "--timeout", "3m");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.err()).contains("load berth-edge configuration", "nginx -t refused the configuration",
                "[emerg]");
        assertThat(servingHash()).isEqualTo(before);
        assertThat(get("secure.lab").status()).isEqualTo(200);
        ProcessResult open = cluster.lab().ssh(edge(), "find \"$HOME/.berth\" -path '*tls*' -type f -perm /077");
        assertThat(open.succeeded()).as(open.toString()).isTrue();
        assertThat(open.output()).as("certificate and key files another user could read").isEmpty();
        cluster.succeed("apply", "-f", plain.toString());
    }

    private String servingHash() {
        ProcessResult hash = cluster.lab().ssh(edge(), "curl -fsS -m 5 http://127.0.0.1:10254/berth/config-hash");
        assertThat(hash.succeeded()).as(hash.toString()).isTrue();
        return hash.output().strip();
    }

    private static String indent(String pem) {
        return pem.lines().map(line -> "    " + line + "\n").reduce("", String::concat);
    }

    @Test
    void anAppOnOneNodeCallsAServiceOnAnotherByEveryNameEvenAfterItMovesAndOneCreatedLater() throws IOException {
        Path first = cluster.manifest("calls.yaml", app("api", "v1", 1, "nodeSelector: {kubernetes.io/hostname: node-3}")
                + "---\n" + app("caller", "v1", 1, "nodeSelector: {kubernetes.io/hostname: node-2}"));
        cluster.succeed("apply", "-f", first.toString(), "--wait", "--timeout", "3m");
        String caller = cluster.running(cluster.node("node-2"), NAMESPACE, "caller").get(0);

        for (String name : List.of("api", "api." + NAMESPACE, "api." + NAMESPACE + ".svc",
                "api." + NAMESPACE + ".svc.cluster.local")) {
            assertThat(call(caller, name, 80)).as(name).startsWith("berth-hello v1 api-");
        }

        Path moved = cluster.manifest("moved.yaml", app("api", "v2", 1, "nodeSelector: {kubernetes.io/hostname: node-1}")
                + "---\n" + app("caller", "v1", 1, "nodeSelector: {kubernetes.io/hostname: node-2}"));
        cluster.succeed("apply", "-f", moved.toString(), "--wait", "--timeout", "3m");
        assertThat(cluster.running(cluster.node("node-2"), NAMESPACE, "caller")).containsExactly(caller);
        assertThat(cluster.counts(NAMESPACE, "api")).containsEntry("node-1", 1).containsEntry("node-3", 0);
        assertThat(call(caller, "api", 80)).startsWith("berth-hello v2 api-");

        Path later = cluster.manifest("later.yaml", Files.readString(moved) + "---\napiVersion: v1\nkind: Service\n"
                + "metadata: {name: later, namespace: " + NAMESPACE + "}\n"
                + "spec: {selector: {app: api}, ports: [{port: 8081, targetPort: 8080}]}\n");
        cluster.succeed("apply", "-f", later.toString(), "--wait", "--timeout", "3m");
        assertThat(call(caller, "later", 8081)).startsWith("berth-hello v2 api-");
        assertThat(call(caller, "later." + NAMESPACE + ".svc.cluster.local", 8081)).startsWith("berth-hello v2 api-");
    }

    /**
     * The body of {@code GET /} from {@code NAME:PORT} inside the caller's container, run with docker on node-2:
     * busybox nc resolves the name through the container's resolver (the image's static busybox wget cannot), and
     * its input stays open for three seconds, enough for the answer, after which the server has closed.
     */
    private String call(String container, String name, int port) {
        ProcessResult got = cluster.lab().ssh(cluster.node("node-2"), "docker exec " + container
                + " sh -c '(printf \"GET / HTTP/1.0\\r\\n\\r\\n\"; sleep 3) | nc " + name + " " + port + "'");
        assertThat(got.succeeded()).as("GET from %s:%d in %s: %s", name, port, container, got).isTrue();
        assertThat(got.output()).as("GET from %s:%d in %s", name, port, container).startsWith("HTTP/1.1 200");
        String output = got.output().replace("\r", "");
        return output.substring(output.indexOf("\n\n") + 2).strip();
    }

    @Test
    void everyPortBerthPublishesIsBoundToTheNodesClusterAddressButAHostPortOrNodePort() {
        Path manifests = cluster.manifest("ports.yaml", app("inside", "v1", 3)
                + "---\n" + app("outside", "v1", 1).replace("ports: [{name: http, containerPort: 8080}]",
                "ports: [{name: http, containerPort: 8080, hostPort: 18080}]")
                + "---\napiVersion: v1\nkind: Service\nmetadata: {name: public, namespace: " + NAMESPACE + "}\n"
                + "spec: {type: NodePort, selector: {app: inside}, ports: [{port: 80, targetPort: 8080, "
                + "nodePort: 30080}]}\n");
        cluster.succeed("apply", "-f", manifests.toString(), "--wait", "--timeout", "3m");

        int checked = 0;
        for (Lab.Node node : cluster.nodes()) {
            ProcessResult bindings = cluster.lab().ssh(node, "for id in $(docker ps -q --filter "
                    + "label=berth.dev/managed=true); do docker inspect --format '{{.Name}}{{range $p, $b := "
                    + ".NetworkSettings.Ports}}{{range $b}} {{$p}}={{.HostIp}}:{{.HostPort}}{{end}}{{end}}' $id; done");
            assertThat(bindings.succeeded()).as(bindings.toString()).isTrue();
            for (String line : bindings.output().lines().toList()) {
                String[] words = line.split(" ");
                for (int i = 1; i < words.length; i++) {
                    String binding = words[i].substring(words[i].indexOf('=') + 1);
                    String hostIp = binding.substring(0, binding.lastIndexOf(':'));
                    String hostPort = binding.substring(binding.lastIndexOf(':') + 1);
                    boolean asked = hostPort.equals("18080") || hostPort.equals("30080");
                    assertThat(hostIp).as("%s on %s: %s", words[0], node.name(), words[i])
                            .isIn(asked ? List.of("0.0.0.0", "::", "") : List.of(node.address()));
                    if (!asked) {
                        ProcessResult loopback = cluster.lab().ssh(node, "curl -sS -m 3 -o /dev/null "
                                + "http://127.0.0.1:" + hostPort + "/; echo \" exit $?\"");
                        assertThat(loopback.output()).as("127.0.0.1:%s on %s", hostPort, node.name())
                                .doesNotContain(" exit 0");
                        ProcessResult cluster = this.cluster.lab().ssh(node, "curl -fsS -m 3 -o /dev/null "
                                + "http://" + node.address() + ":" + hostPort + "/ && echo reached");
                        assertThat(cluster.output()).as("%s:%s", node.address(), hostPort).contains("reached");
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("ports of the three inside replicas").isGreaterThanOrEqualTo(3);
        ProcessResult nodePort = cluster.lab().ssh(cluster.node("node-3"), "curl -fsS -m 5 http://127.0.0.1:30080/");
        assertThat(nodePort.output()).startsWith("berth-hello v1 inside-");
    }
}
