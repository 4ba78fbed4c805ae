package dev.berth.lab;

import org.junit.jupiter.api.Test;

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
            ProcessResult answer = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                answer = lab.ssh(node1, "curl -fsS -m 2 http://" + node2.address() + ":18080/");
                if (answer.succeeded()) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(answer.succeeded()).as(answer.toString()).isTrue();
            assertThat(answer.output()).matches("berth-hello v1 [0-9a-f]{12}");
        } finally {
            lab.ssh(node2, "docker rm -f it-hello");
        }
    }
}
