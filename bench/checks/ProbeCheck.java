import dev.berth.docker.NodeProbe;
import dev.berth.model.NodeSnapshot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a fleet node answers berth's one-round-trip probe in a shape berth's own parser reads.
 * Run with berth's jar on the class path:
 * {@code java -cp berth.jar bench/checks/ProbeCheck.java DIR PORT}
 */
public class ProbeCheck {
    public static void main(String[] args) throws Exception {
        String dir = args[0];
        String port = args[1];
        StringBuilder remote = new StringBuilder();
        for (String word : NodeProbe.command()) {
            remote.append(remote.length() == 0 ? "" : " ").append("'").append(word.replace("'", "'\\''")).append("'");
        }
        List<String> ssh = new ArrayList<>(List.of("ssh", "-i", dir + "/id_ed25519",
                "-o", "UserKnownHostsFile=" + dir + "/known_hosts", "-o", "StrictHostKeyChecking=yes",
                "-o", "BatchMode=yes", "-p", port, "bench@127.0.0.1", remote.toString()));
        Process process = new ProcessBuilder(ssh).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            System.err.println("probe exited " + exit);
            System.exit(1);
        }
        NodeSnapshot snapshot = NodeProbe.parse(output);
        System.out.println("probe ok: engine " + snapshot.engine().hostname() + " " + snapshot.engine().engineVersion()
                + ", " + snapshot.containers().size() + " containers: "
                + snapshot.containers().stream().map(c -> c.name() + "=" + c.status()).toList());
    }
}
