package dev.berth.plan;

import dev.berth.archive.FileArchive;
import dev.berth.proxy.NginxConfig;

import java.util.Arrays;
import java.util.List;

/**
 * One step of a {@link Plan}, on one node. Actions are data: the executor turns each into remote commands.
 * {@link #describe()} is the line {@code diff} and {@code --dry-run} print; it never shows a secret.
 */
public sealed interface Action {

    /** The node the action runs on. */
    String node();

    /** One line for people, e.g. {@code node-1: start container default_web-5d8c7f9b2a-x7k2p_app (nginx:1.27)}. */
    String describe();

    /** Create the Docker network replicas join, unless it exists. */
    record EnsureNetwork(String node, String name) implements Action {
        @Override
        public String describe() {
            return node + ": ensure network " + name;
        }
    }

    /**
     * Write a file atomically (temporary file, then rename) with the given mode. Parent directories are
     * created as needed: {@code <home>/.berth} with mode 0700, so that no other user of the server can reach
     * what lies below. A replica's one file is its env file (0600).
     *
     * @param sensitive the content comes from a Secret: never print or log it
     */
    record WriteFile(String node, String path, byte[] content, int mode, boolean sensitive) implements Action {
        public WriteFile {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public String describe() {
            return node + ": write " + path + " (" + String.format("%04o", mode) + ", " + content.length
                    + (content.length == 1 ? " byte" : " bytes") + (sensitive ? ", secret" : "") + ")";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WriteFile file && node.equals(file.node) && path.equals(file.path)
                    && Arrays.equals(content, file.content) && mode == file.mode && sensitive == file.sensitive;
        }

        @Override
        public int hashCode() {
            return (node.hashCode() * 31 + path.hashCode()) * 31 + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "WriteFile[" + describe() + "]";
        }
    }

    /**
     * Pull an image before the containers that use it start: for {@code imagePullPolicy: Always}, and before a
     * rollout's first wave on every node that may run the new template. A failed pull fails the run before
     * anything is removed.
     *
     * @param onlyIfMissing pull only when the node does not have the image yet ({@code IfNotPresent})
     */
    record PullImage(String node, String image, boolean onlyIfMissing) implements Action {
        /** An unconditional pull. */
        public PullImage(String node, String image) {
            this(node, image, false);
        }

        @Override
        public String describe() {
            return node + ": pull " + image + (onlyIfMissing ? " (if missing)" : "");
        }
    }

    /**
     * Start one container of a replica: run {@code argv} as given (built by
     * {@link dev.berth.docker.ContainerRunCommand}; it holds no secret value), with {@code files} on its standard
     * input: the files of its ConfigMap and Secret volumes, which it copies into the container before the
     * container's process starts. Docker reads the {@code envFile} only while it creates the container, so the
     * file is deleted right after, whether the start succeeded or not: no Secret's value outlives the start on
     * the node's disk.
     *
     * @param deployment {@code namespace/name}
     * @param pod        the replica's name
     * @param container  the docker container name, {@code <namespace>_<pod>_<container>}
     * @param envFile    the file of Secret-sourced variables {@code argv} reads, or null
     * @param files      what {@code argv} copies into the container from its standard input; may hold a Secret's
     *                   values: never print or log it
     */
    record RunContainer(String node, String deployment, String pod, String container, String image,
                        List<String> argv, String envFile, FileArchive files) implements Action {
        public RunContainer {
            argv = List.copyOf(argv);
        }

        /** A start that copies no file in. */
        public RunContainer(String node, String deployment, String pod, String container, String image,
                            List<String> argv, String envFile) {
            this(node, deployment, pod, container, image, argv, envFile, FileArchive.EMPTY);
        }

        /** A start that reads no env file and copies no file in. */
        public RunContainer(String node, String deployment, String pod, String container, String image,
                            List<String> argv) {
            this(node, deployment, pod, container, image, argv, null);
        }

        @Override
        public String describe() {
            long count = files.fileCount();
            return node + ": start container " + container + " (" + image + (count == 0 ? ""
                    : ", " + count + (count == 1 ? " file" : " files") + " copied in") + ")";
        }
    }

    /**
     * Stop (within the grace period the container was started with) and remove one container.
     *
     * @param reason why, for people: {@code dead (exited 3)}, {@code surplus}, {@code spec changed},
     *               {@code deployment deleted}
     */
    record RemoveContainer(String node, String containerId, String name, String reason) implements Action {
        @Override
        public String describe() {
            return node + ": remove container " + name + " (" + reason + ")";
        }
    }

    /**
     * Restart one container in place (stop within its grace period, start again), as the kubelet does when a
     * liveness probe fails {@code failureThreshold} times.
     *
     * @param reason what the probe saw, for people
     */
    record RestartContainer(String node, String containerId, String name, String reason) implements Action {
        @Override
        public String describe() {
            return node + ": restart container " + name + " (" + reason + ")";
        }
    }

    /**
     * After a replica's containers are removed: delete its directory of files ({@code directory}) and the
     * scratch volumes of its {@code emptyDir}s (Docker volumes labelled {@code berth.dev/pod=<pod>}).
     * PersistentVolumeClaim volumes are never deleted here.
     *
     * @param orphan the replica has no container left (its start failed, or a run was killed half-way): nothing
     *               serves from these files, so the clean-up is not held back with the removals when a step that
     *               adds fails
     */
    record CleanUpPod(String node, String pod, String directory, boolean orphan) implements Action {
        /** The clean-up after a replica's containers are removed. */
        public CleanUpPod(String node, String pod, String directory) {
            this(node, pod, directory, false);
        }

        @Override
        public String describe() {
            return node + ": clean up files of " + pod + (orphan ? " (no container left)" : "");
        }
    }

    /**
     * Give one of berth's nginx containers (the edge, a Service's proxy) a configuration by the reload protocol
     * (docs/adr/0010-services.md): its files and the candidate are written beside the live configuration, checked
     * by {@code nginx -t}, switched in by a rename and loaded by {@code nginx -s reload}; then berth waits until
     * the running nginx answers the new hash, and switches back when it does not. A container that is missing is
     * started with {@code start} once its first configuration passed the check.
     *
     * @param container the docker container name
     * @param directory the proxy's directory on the node, where its files live
     * @param mountedAt where the container sees that directory
     * @param start     the {@code docker run} argv that starts the container
     * @param replace   the id of a container of that name to remove first (stopped, or started otherwise), or null
     * @param running   whether the container runs now: reload it (else start it)
     * @param network   the Docker network on which the proxy's own address answers its hash; null for the node's
     *                  loopback (the edge, on the host's network)
     * @param reason    why, for people: {@code new}, {@code routes changed}, {@code replicas leaving}
     */
    record ConfigureProxy(String node, String container, String directory, String mountedAt, String image,
                          List<String> start, String replace, boolean running, String network, NginxConfig config,
                          String reason) implements Action {
        public ConfigureProxy {
            start = List.copyOf(start);
        }

        @Override
        public String describe() {
            return node + ": load " + container + " configuration " + config.hash().substring(0, 12) + " (" + reason
                    + ")";
        }
    }

    /** Remove one of berth's nginx containers and its files: its Service is gone, or its node is no edge. */
    record RemoveProxy(String node, String container, String directory, String reason) implements Action {
        @Override
        public String describe() {
            return node + ": remove " + container + " (" + reason + ")";
        }
    }
}
