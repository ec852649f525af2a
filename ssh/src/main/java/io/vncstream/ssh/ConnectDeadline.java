package io.vncstream.ssh;

import java.time.Duration;

/**
 * The overall deadline of one connect, stopped while a prompt waits for the user: a user who
 * takes a minute to type a passphrase has not made the connection slow.
 */
final class ConnectDeadline {
    private final Duration budget;
    private long spentNanos;
    private long runningSince;
    private int pauses;

    ConnectDeadline(Duration budget) {
        this.budget = budget;
        this.runningSince = System.nanoTime();
    }

    Duration budget() {
        return budget;
    }

    synchronized void pause() {
        if (pauses++ == 0) {
            spentNanos += System.nanoTime() - runningSince;
        }
    }

    synchronized void resume() {
        if (--pauses == 0) {
            runningSince = System.nanoTime();
        }
    }

    synchronized boolean expired() {
        long spent = spentNanos + (pauses > 0 ? 0 : System.nanoTime() - runningSince);
        return spent > budget.toNanos();
    }
}
