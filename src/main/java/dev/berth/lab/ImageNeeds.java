package dev.berth.lab;

import java.util.ArrayList;
import java.util.List;

/** Which lab images must be built on this machine before a lab can start. */
public record ImageNeeds(boolean node, boolean registry, boolean apps) {

    public static final ImageNeeds NONE = new ImageNeeds(false, false, false);

    public boolean any() {
        return node || registry || apps;
    }

    /** The programs the builds need. */
    public List<HostProgram> programs() {
        List<HostProgram> programs = new ArrayList<>();
        if (any()) {
            programs.add(HostProgram.BASH);
        }
        if (node) {
            programs.add(HostProgram.DEBOOTSTRAP);
        }
        if (registry) {
            programs.add(HostProgram.DOCKER_REGISTRY);
        }
        if (apps) {
            programs.add(HostProgram.BUSYBOX);
            programs.add(HostProgram.NGINX);
        }
        return List.copyOf(programs);
    }
}
