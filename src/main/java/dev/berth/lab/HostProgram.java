package dev.berth.lab;

/**
 * A program the lab needs on this machine, the Debian package that provides it, and why.
 *
 * @param path an absolute path, or a bare name looked up on PATH and in the sbin directories
 */
public record HostProgram(String path, String debianPackage, String purpose) {
    public static final HostProgram DOCKER = new HostProgram("docker", "docker.io", "the Docker client");
    public static final HostProgram SSH_KEYGEN = new HostProgram("ssh-keygen", "openssh-client", "the lab's key pair");
    public static final HostProgram BASH = new HostProgram("bash", "bash", "the image build scripts");
    public static final HostProgram DEBOOTSTRAP = new HostProgram("debootstrap", "debootstrap", "the node image");
    public static final HostProgram DOCKER_REGISTRY = new HostProgram("/usr/bin/docker-registry", "docker-registry",
            "the registry image");
    public static final HostProgram BUSYBOX = new HostProgram("/bin/busybox", "busybox-static", "the app images");
    public static final HostProgram NGINX = new HostProgram("/usr/sbin/nginx", "nginx-light", "the edge image");
}
