package dev.berth.cli.converge;

import dev.berth.exec.move.VolumeMove;

/** The line a volume move prints on stdout. */
final class MoveReport {

    private MoveReport() {
    }

    static String line(VolumeMove.Result result) {
        String claim = "persistentvolumeclaim/" + result.claim();
        if (!result.moved()) {
            return claim + " is on " + result.to() + " already";
        }
        return claim + " moved from " + result.from() + " to " + result.to() + " (" + result.size() + " in " + result.data().files() + " files, checksums match; " + (result.sourceDeleted() ? "the copy on " + result.from() + " was removed"
                : "the old copy stays on " + result.from()) + ")";
    }
}
