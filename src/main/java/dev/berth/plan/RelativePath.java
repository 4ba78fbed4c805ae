package dev.berth.plan;

import java.util.Arrays;

/** A path below a directory that stays below it: relative, no empty, {@code .} or {@code ..} segment. */
final class RelativePath {
    private RelativePath() {
    }

    static boolean safe(String path) {
        return !path.isEmpty() && !path.startsWith("/") && path.indexOf('\0') < 0
                && Arrays.stream(path.split("/", -1)).noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
    }
}
