package dev.berth.exec.move;

import dev.berth.archive.TarCopy;
import dev.berth.docker.VolumeCopyCommands;
import dev.berth.error.ClusterException;
import dev.berth.ssh.SshTarget;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The copies of one move from a source node to a target node: the first while the app runs, the final once it
 * stopped, and the read-back that proves what arrived, each with its progress lines.
 */
final class CopyPasses {
    private final NodeCalls calls;
    private final VolumeStream stream;
    private final Consumer<String> notes;
    private final Clock clock;
    private final VolumeMove.Request request;
    private final String image;
    private final SshTarget source;
    private final SshTarget target;
    private final String volume;
    private final String route;

    CopyPasses(NodeCalls calls, VolumeStream stream, Consumer<String> notes, Clock clock, VolumeMove.Request request,
               String image, SshTarget source, SshTarget target) {
        this.calls = calls;
        this.stream = stream;
        this.notes = notes;
        this.clock = clock;
        this.request = request;
        this.image = image;
        this.source = source;
        this.target = target;
        this.volume = request.volume();
        this.route = source.name() + " -> " + target.name();
    }

    /**
     * Empties the target's volume (an older copy, or what a killed move left: neither is the claim's data) and
     * creates the copying containers on both nodes.
     */
    void prepare() {
        calls.run(target, VolumeCopyCommands.empty(volume), "emptying the target volume");
        calls.run(source, VolumeCopyCommands.create(volume, image, true), "preparing the copy");
        calls.run(target, VolumeCopyCommands.create(volume, image, false), "preparing the copy");
    }

    /** The whole tree, while the app runs. */
    TarCopy.Summary first() {
        MoveProgress progress = progress("first copy " + route);
        TarCopy.Summary copied = copy(progress, true, null);
        progress.done(copied.files() + " files");
        return copied;
    }

    /**
     * What changed since {@code first} (and every directory); the whole tree again into an emptied volume when
     * something was deleted meanwhile, which a tar stream cannot carry.
     */
    TarCopy.Summary last(TarCopy.Summary first) {
        MoveProgress progress = progress("final copy " + route);
        TarCopy.Summary copied = copy(progress, false, first);
        progress.done(MoveProgress.size(copied.bytesSent()) + " of changes sent");
        Set<String> deleted = new TreeSet<>(first.signatures().keySet());
        deleted.removeAll(copied.signatures().keySet());
        if (deleted.isEmpty()) {
            return copied;
        }
        calls.run(target, VolumeCopyCommands.empty(volume), "emptying the target volume");
        calls.run(target, VolumeCopyCommands.create(volume, image, false), "preparing the copy");
        MoveProgress again = progress("final copy " + route + " (" + deleted.size()
                + " deleted since the first copy: the whole tree into an empty volume)");
        TarCopy.Summary whole = copy(again, true, null);
        again.done(whole.files() + " files");
        return whole;
    }

    /** Reads the target back: its digest must be the source's, {@code last}'s. */
    void verify(TarCopy.Summary last) {
        MoveProgress progress = progress("reading back from " + target.name());
        TarCopy.Summary arrived = stream.read(target, VolumeCopyCommands.readBack(volume), progress);
        progress.done("");
        if (!arrived.digest().equals(last.digest())) {
            throw new ClusterException("the copy on " + target.name() + " differs from the data on " + source.name()
                    + " (sha256 " + VolumeMove.shortDigest(arrived.digest()) + ", expected "
                    + VolumeMove.shortDigest(last.digest()) + ")");
        }
        notes.accept(request.display() + ": checksums match on " + source.name() + " and " + target.name()
                + " (sha256 " + VolumeMove.shortDigest(last.digest()) + ", " + last.files() + " files)");
    }

    /** Removes the copying containers from both nodes. */
    void cleanUp() {
        calls.quietly(source, VolumeCopyCommands.remove(volume), "removing the copying container");
        calls.quietly(target, VolumeCopyCommands.remove(volume), "removing the copying container");
    }

    private TarCopy.Summary copy(MoveProgress progress, boolean whole, TarCopy.Summary since) {
        return stream.pass(source, VolumeCopyCommands.read(volume), target, VolumeCopyCommands.write(volume),
                entry -> whole || entry.directory() || !entry.signature().equals(since.signatures().get(entry.name())),
                progress);
    }

    private MoveProgress progress(String what) {
        return new MoveProgress(notes, clock, request.display() + ": " + what, request.bytesPerSecond());
    }
}
