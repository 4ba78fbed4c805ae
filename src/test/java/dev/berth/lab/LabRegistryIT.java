package dev.berth.lab;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class LabRegistryIT {

    @Test
    void aContainerFromTheLabRegistryOnNode2AnswersNode1ThroughNode2sAddress(Lab lab) throws Exception {
        Lab.Node node1 = lab.node("node-1");
        Lab.Node node2 = lab.node("node-2");
        ProcessResult run = lab.ssh(node2, "docker rm -f it-hello >/dev/null 2>&1;"
                + " docker run -d --name it-hello -p 18080:8080 berth-registry:5000/berth-hello:v1");
        assertThat(run.succeeded()).as(run.toString()).isTrue();
        try {
            // the container needs a moment to listen; how long depends on the machine, so wait for its answer
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            ProcessResult answer = lab.ssh(node1, "curl -fsS -m 10 http://" + node2.address() + ":18080/");
            while (!answer.succeeded() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                answer = lab.ssh(node1, "curl -fsS -m 10 http://" + node2.address() + ":18080/");
            }
            assertThat(answer.succeeded()).as(answer.toString()).isTrue();
            assertThat(answer.output()).matches("berth-hello v1 [0-9a-f]{12}");
        } finally {
            lab.ssh(node2, "docker rm -f it-hello");
        }
    }
}
