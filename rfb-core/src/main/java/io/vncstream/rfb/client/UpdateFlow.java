package io.vncstream.rfb.client;

import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.message.ClientMessage;
import io.vncstream.rfb.message.EnableContinuousUpdates;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.message.FramebufferUpdateRequest;
import io.vncstream.rfb.message.SetPixelFormat;
import io.vncstream.rfb.pixel.PixelFormat;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How updates flow, as TigerVNC's viewer runs it: one request per update, or, once the server
 * has shown it takes fences and announces continuous updates, continuous updates for the whole
 * screen and no requests. Fence requests are answered as they are read (the server's
 * congestion control paces itself by them, so a slow link does not queue up frames), and a
 * pixel format switched while updates flow takes effect at the server's answer to our SyncNext
 * fence. Server events arrive on the reader thread; the application's calls on any thread.
 */
final class UpdateFlow {
    /** Fence data marking our pixel format switch (TigerVNC's viewer uses the same byte). */
    private static final byte[] PIXEL_FORMAT_FENCE = {1};

    private final Consumer<ClientMessage> send;
    private final DecodeContext ctx;
    private final Framebuffer framebuffer;
    private final BooleanSupplier autoRequest;
    private final boolean continuousWanted;
    private final LongAdder requests = new LongAdder();
    /** The server has sent a Fence, so it answers ours (TigerVNC's "supportsSyncFence"). */
    private volatile boolean fences;
    private volatile PixelFormat formatAtFenceAnswer;
    private volatile boolean continuous;
    /** The server has announced continuous updates (its first EndOfContinuousUpdates); reader thread only. */
    private boolean continuousOffered;

    UpdateFlow(Consumer<ClientMessage> send, DecodeContext ctx, Framebuffer framebuffer, BooleanSupplier autoRequest,
               boolean continuousWanted) {
        this.send = send;
        this.ctx = ctx;
        this.framebuffer = framebuffer;
        this.autoRequest = autoRequest;
        this.continuousWanted = continuousWanted;
    }

    long requestsSent() {
        return requests.sum();
    }

    boolean continuous() {
        return continuous;
    }

    void request(boolean incremental) {
        requests.increment();
        send.accept(new FramebufferUpdateRequest(incremental, 0, 0, framebuffer.width(), framebuffer.height()));
    }

    /** After an update that answered a request: the next request, unless updates flow by themselves. */
    void updateRead() {
        if (autoRequest.getAsBoolean() && !continuous) {
            request(true);
        }
    }

    void setPixelFormat(PixelFormat format) {
        if (fences) {
            formatAtFenceAnswer = format;
            send.accept(new Fence(Fence.REQUEST | Fence.SYNC_NEXT, PIXEL_FORMAT_FENCE));
            send.accept(new SetPixelFormat(format));
        } else {
            send.accept(new SetPixelFormat(format));
            ctx.setFormat(format);
        }
    }

    /** Messages are handled in order, so a fence request is answered as soon as it is read. */
    void fence(Fence fence) {
        fences = true;
        maybeEnableContinuous();
        if (fence.isRequest()) {
            send.accept(fence.response());
        } else if (Arrays.equals(fence.data(), PIXEL_FORMAT_FENCE) && formatAtFenceAnswer != null) {
            ctx.setFormat(formatAtFenceAnswer);
            formatAtFenceAnswer = null;
        }
    }

    /** The first one is the server's offer; one while they are on means the server stopped them. */
    void endOfContinuousUpdates() {
        if (continuous) {
            continuous = false;
            if (autoRequest.getAsBoolean()) {
                request(true);
            }
        } else if (!continuousOffered) {
            continuousOffered = true;
            maybeEnableContinuous();
        }
    }

    /** Continuous updates keep covering the whole screen. */
    void desktopResized(int width, int height) {
        if (continuous) {
            send.accept(new EnableContinuousUpdates(true, 0, 0, width, height));
        }
    }

    private void maybeEnableContinuous() {
        if (continuousOffered && fences && !continuous && continuousWanted && autoRequest.getAsBoolean()) {
            continuous = true;
            send.accept(new EnableContinuousUpdates(true, 0, 0, framebuffer.width(), framebuffer.height()));
        }
    }
}
