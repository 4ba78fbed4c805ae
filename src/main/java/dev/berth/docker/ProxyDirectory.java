package dev.berth.docker;

/**
 * Where a proxy keeps its files on a node: {@code <home>/.berth/proxies/<container>}. Commands that write or
 * delete there refuse any other directory.
 */
public final class ProxyDirectory {
    private ProxyDirectory() {
    }

    /** The directory of {@code container}'s files under the SSH user's {@code home}. */
    public static String of(String home, String container) {
        if (!container.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || container.contains("..")) {
            throw new IllegalArgumentException("not a container name: " + container);
        }
        return home + NodeProbe.PROXY_DIRECTORY + "/" + container;
    }

    /** {@code directory}, when it is a proxy's; otherwise an error. */
    static String check(String directory) {
        int at = directory.indexOf(NodeProbe.PROXY_DIRECTORY + "/");
        String name = at < 0 ? "" : directory.substring(at + NodeProbe.PROXY_DIRECTORY.length() + 1);
        if (!directory.startsWith("/") || at < 0 || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || name.contains("..")
                || directory.substring(0, at).contains("/../")) {
            throw new IllegalArgumentException("not a proxy's directory: " + directory);
        }
        return directory;
    }
}
