package dev.berth.ssh;

/**
 * Where a streamed command's output goes, chunk by chunk as the server sends it. Each method is called for one
 * stream at a time, in order; stdout and stderr may be called at the same time from different threads. A chunk
 * is the sink's to keep.
 */
public interface OutputSink {

    void stdout(byte[] chunk);

    void stderr(byte[] chunk);
}
