package dev.berth.state;

import dev.berth.error.ClusterException;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's lock, held by this run until closed. One background thread renews it on the state nodes three
 * times per lease; should renewal fail to reach a majority, the lease counts as lost and {@link #ensureHeld()}
 * says so before the run changes anything more. Closing gives the lock back where it is still ours.
 */
public final class Lease implements AutoCloseable {
    private final ClusterLock lock;
    private final String token;
    private final ScheduledExecutorService heartbeat;
    private volatile String lostBecause;

    Lease(ClusterLock lock, String token, long heartbeatMillis) {
        this.lock = lock;
        this.token = token;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "berth-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::renew, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
    }

    /** The token that marks this run's lease on the state nodes. */
    public String token() {
        return token;
    }

    /** Whether the lease still stands: the last renewal reached a majority. */
    public boolean held() {
        return lostBecause == null;
    }

    /** Throws when the lease was lost, e.g. because the state nodes stopped answering. */
    public void ensureHeld() {
        String reason = lostBecause;
        if (reason != null) {
            throw new ClusterException("this run lost the cluster lock: " + reason);
        }
    }

    private void renew() {
        try {
            lock.renew(token);
        } catch (ClusterException e) {
            lostBecause = e.getMessage();
            heartbeat.shutdown();
        } catch (RuntimeException e) {
            lostBecause = String.valueOf(e.getMessage());
            heartbeat.shutdown();
        }
    }

    /** Stops renewing and releases the lease on every state node where it is still this run's. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            heartbeat.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.release(token);
    }
}
