package io.vncstream.rfb.client;

import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.framebuffer.FramebufferListener;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Completes when the framebuffer has been painted whole: the updates since the start (or the
 * last resize) covered its full area, and the update that did so has ended. This is how
 * {@code snapshot} and {@code devices} know the answer to their non-incremental request is in,
 * even when a server splits it over several updates (TigerVNC answers the first request with
 * pseudo-encodings only, and sends the pixels in answer to the next). Keep the client's
 * automatic requests on while waiting.
 */
public final class FirstFullUpdate extends ForwardingHandler implements FramebufferListener {
    private Framebuffer framebuffer;
    private final CompletableFuture<Frame> done = new CompletableFuture<>();
    private long covered;

    public FirstFullUpdate(RfbClientHandler delegate) {
        super(delegate);
    }

    /** Starts watching the connection's framebuffer; call before {@link RfbClient#start}. */
    public void watch(Framebuffer framebuffer) {
        this.framebuffer = framebuffer;
        framebuffer.addListener(this);
    }

    @Override
    public void damaged(int x, int y, int width, int height) {
        covered += (long) width * height;
    }

    @Override
    public void resized(int width, int height) {
        covered = 0;
    }

    @Override
    public void updateCompleted() {
        super.updateCompleted();
        if (!done.isDone() && covered >= (long) framebuffer.width() * framebuffer.height()) {
            done.complete(new Frame(framebuffer.width(), framebuffer.height(), framebuffer.pixels().clone()));
        }
    }

    @Override
    public void disconnected(Exception cause) {
        super.disconnected(cause);
        done.completeExceptionally(cause != null ? cause : new IOException("connection closed before a full update"));
    }

    /** The framebuffer as it was when the full update ended (later updates do not change it). */
    public record Frame(int width, int height, int[] argb) {
    }

    /** Waits for the full update; rethrows the connection's failure. */
    public Frame await(Duration timeout) throws IOException, InterruptedException {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no complete framebuffer update within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c.getMessage(), c);
        }
    }
}
