package io.vncstream.rfb.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it holds or time runs out (then fails, saying what was awaited). */
public final class Eventually {
    private Eventually() {
    }

    public static void await(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
