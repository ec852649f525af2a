package io.vncstream.rfb.testing;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.client.ServerMessageFramer;
import io.vncstream.rfb.decode.Decoders;
import io.vncstream.rfb.decode.RectHeader;
import io.vncstream.rfb.handshake.ProtocolVersion;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.message.ClientMessage;
import io.vncstream.rfb.message.EnableContinuousUpdates;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.message.FramebufferUpdateRequest;
import io.vncstream.rfb.message.ServerMessage;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.server.ClientMessageReader;
import io.vncstream.rfb.server.RfbServerHandler;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what a proxy carries between a VNC client and server by parsing both directions with
 * rfb-core's own readers: the handshake (security None only: anything else cannot be parsed),
 * then the server's messages with {@link ServerMessageFramer} (FramebufferUpdates, their
 * rectangles by encoding and pixel area, fences, EndOfContinuousUpdates) and the client's
 * with {@link ClientMessageReader} (its pixel format and fence requests, which the framer needs
 * to know the format in force; its update requests and EnableContinuousUpdates). Each side is
 * parsed on its own thread from a {@link TapStream}; what cannot be parsed ends the counting
 * with a {@link #problem()}, never the link.
 */
public final class RfbTrafficCounter {
    /** What has been counted up to {@code nanoTime}. */
    public record Snapshot(long nanoTime, long updates, long rects, long pixels, long copyRectPixels,
                           long serverFences, long clientFences, long endOfContinuousUpdates, long updateRequests,
                           boolean continuousEnabled, List<Integer> clientEncodings, Map<String, Long> rectsByEncoding,
                           long fenceAnswers, long fenceAnswerNanos, long maxFenceAnswerNanos, String problem) {
        /**
         * The client's mean time from being given a fence request of the server's to answering
         * it, since {@code earlier}, in ms: the extra round trip the server's congestion control sees.
         */
        public double meanFenceAnswerMillis(Snapshot earlier) {
            long n = fenceAnswers - earlier.fenceAnswers;
            return n == 0 ? Double.NaN : (fenceAnswerNanos - earlier.fenceAnswerNanos) / 1e6 / n;
        }

        /** Updates per second from {@code earlier} to this one. */
        public double updatesPerSecond(Snapshot earlier) {
            return (updates - earlier.updates) / seconds(earlier);
        }

        /** Megapixels per second of decoded rectangles (CopyRect not included). */
        public double megapixelsPerSecond(Snapshot earlier) {
            return (pixels - earlier.pixels) / 1e6 / seconds(earlier);
        }

        public double seconds(Snapshot earlier) {
            return (nanoTime - earlier.nanoTime) / 1e9;
        }
    }

    private static final long TAP_BYTES = 256L << 20;
    private static final long HANDSHAKE_WAIT_SECONDS = 30;

    final TapStream fromServer = new TapStream(TAP_BYTES);
    final TapStream fromClient = new TapStream(TAP_BYTES);
    private final CompletableFuture<ProtocolVersion> clientVersion = new CompletableFuture<>();
    private final CompletableFuture<Integer> clientSecurityType = new CompletableFuture<>();
    private final CompletableFuture<ServerMessageFramer> framer = new CompletableFuture<>();
    private final LongAdder updates = new LongAdder();
    private final LongAdder rects = new LongAdder();
    private final LongAdder pixels = new LongAdder();
    private final LongAdder copyRectPixels = new LongAdder();
    private final LongAdder serverFences = new LongAdder();
    private final LongAdder clientFences = new LongAdder();
    private final LongAdder endOfContinuous = new LongAdder();
    private final LongAdder updateRequests = new LongAdder();
    private final Map<Integer, LongAdder> byEncoding = new ConcurrentHashMap<>();
    private final AtomicReference<String> problem = new AtomicReference<>();
    private final AtomicLong clientParsed = new AtomicLong();
    /** When each of the server's fence requests not yet answered was given to the client (bounded by the framer's limit). */
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> serverFenceTimes = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final LongAdder fenceAnswers = new LongAdder();
    private final LongAdder fenceAnswerNanos = new LongAdder();
    private final java.util.concurrent.atomic.AtomicLong maxFenceAnswerNanos = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean continuousEnabled;
    private volatile List<Integer> clientEncodings = List.of();
    private final java.util.concurrent.CountDownLatch parsersDone = new java.util.concurrent.CountDownLatch(2);

    void start(String name) {
        Thread down = new Thread(() -> runThenCountDown(this::parseServer), "rfb-counter " + name + " server side");
        Thread up = new Thread(() -> runThenCountDown(this::parseClient), "rfb-counter " + name + " client side");
        down.setDaemon(true);
        up.setDaemon(true);
        down.start();
        up.start();
    }

    private void runThenCountDown(Runnable parser) {
        try {
            parser.run();
        } finally {
            parsersDone.countDown();
        }
    }

    /** Waits until both sides have been parsed to their end (after the link closed); false on timeout. */
    public boolean awaitParsed(java.time.Duration timeout) throws InterruptedException {
        return parsersDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why counting stopped early (null while it goes on, or after a clean end). */
    public String problem() {
        return problem.get();
    }

    public Snapshot snapshot() {
        Map<String, Long> enc = new TreeMap<>();
        byEncoding.forEach((e, n) -> enc.put(Encodings.name(e), n.sum()));
        return new Snapshot(System.nanoTime(), updates.sum(), rects.sum(), pixels.sum(), copyRectPixels.sum(),
                serverFences.sum(), clientFences.sum(), endOfContinuous.sum(), updateRequests.sum(), continuousEnabled,
                clientEncodings, enc, fenceAnswers.sum(), fenceAnswerNanos.sum(), maxFenceAnswerNanos.get(), problem.get());
    }

    /**
     * Holds the client's bytes up to {@code offset} back from the server until the client side
     * has parsed them (at most a second): the framer must know of a pixel format switch before
     * the server's updates in the new format arrive, even over a link without delay.
     */
    void awaitClientParsed(long offset) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (clientParsed.get() < offset && !fromClient.starvedAt(offset) && problem.get() == null
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private void fail(String why) {
        problem.compareAndSet(null, why);
        clientVersion.completeExceptionally(new IOException(why));
        clientSecurityType.completeExceptionally(new IOException(why));
        framer.completeExceptionally(new IOException(why));
    }

    private void parseServer() {
        RfbInput in = RfbInput.of(fromServer);
        try {
            ProtocolVersion.read(in);
            ProtocolVersion version = clientVersion.get(HANDSHAKE_WAIT_SECONDS, TimeUnit.SECONDS).acceptedByServer();
            if (version.atLeast(ProtocolVersion.V3_7)) {
                int count = in.readU8();
                if (count == 0) {
                    throw new RfbProtocolException("the server refused the connection: " + reason(in));
                }
                in.skip(count);
                int chosen = clientSecurityType.get(HANDSHAKE_WAIT_SECONDS, TimeUnit.SECONDS);
                if (chosen != 1) {
                    throw new RfbProtocolException("the client chose security type " + chosen + ": only None (1) can be counted");
                }
                if (version.atLeast(ProtocolVersion.V3_8) && in.readS32() != 0) {
                    throw new RfbProtocolException("security failed: " + reason(in));
                }
            } else {
                int type = in.readS32();
                if (type != 1) {
                    throw new RfbProtocolException("the server chose security type " + type + ": only None (1) can be counted");
                }
            }
            ServerMessageFramer f = new ServerMessageFramer(in, ServerInit.read(in));
            f.onRect(this::rect);
            framer.complete(f);
            while (true) {
                byte[] message = f.next();
                switch (message[0] & 0xFF) {
                    case ServerMessage.FRAMEBUFFER_UPDATE -> updates.increment();
                    case ServerMessage.FENCE -> {
                        serverFences.increment();
                        if (f.lastFence().isRequest() && serverFenceTimes.size() < ServerMessageFramer.MAX_OUTSTANDING_FENCES) {
                            serverFenceTimes.add(System.nanoTime());
                        }
                    }
                    case ServerMessage.END_OF_CONTINUOUS_UPDATES -> endOfContinuous.increment();
                    default -> { }
                }
            }
        } catch (EOFException e) {
            if (fromServer.overflowed()) {
                fail("the server side's parser fell more than " + (TAP_BYTES >> 20) + " MiB behind");
            }
        } catch (Exception e) {
            fail("server side: " + e.getMessage());
        }
    }

    private static String reason(RfbInput in) throws IOException {
        int length = in.readLength("reason", 4096);
        return new String(in.readBytes(length), StandardCharsets.UTF_8);
    }

    private void rect(RectHeader rect) {
        rects.increment();
        byEncoding.computeIfAbsent(rect.encoding(), e -> new LongAdder()).increment();
        if (rect.encoding() == Encodings.COPY_RECT) {
            copyRectPixels.add(rect.area());
        } else if (Decoders.isSupported(rect.encoding())) {
            pixels.add(rect.area());
        }
    }

    private void parseClient() {
        RfbInput in = RfbInput.of(fromClient);
        try {
            ProtocolVersion version = ProtocolVersion.read(in);
            clientVersion.complete(version);
            if (version.acceptedByServer().atLeast(ProtocolVersion.V3_7)) {
                clientSecurityType.complete(in.readU8());
            }
            in.readU8(); // ClientInit's shared flag
            clientParsed.set(in.position());
            ClientSide handler = new ClientSide();
            ClientMessageReader reader = new ClientMessageReader(in, handler);
            while (true) {
                int type = reader.readMessage();
                if (type != ClientMessage.FENCE) {
                    handler.afterSyncFence = false;
                }
                clientParsed.set(in.position());
            }
        } catch (EOFException e) {
            if (fromClient.overflowed()) {
                fail("the client side's parser fell behind");
            }
        } catch (Exception e) {
            fail("client side: " + e.getMessage());
        }
        clientParsed.set(Long.MAX_VALUE);
    }

    /** What the framer must know of the client's messages, and what is counted of them. */
    private final class ClientSide implements RfbServerHandler {
        boolean afterSyncFence;

        private ServerMessageFramer framer() throws IOException {
            try {
                return framer.get(HANDSHAKE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("the server side never reached ServerInit", e);
            }
        }

        @Override
        public void setPixelFormat(PixelFormat format) throws IOException {
            if (afterSyncFence) {
                framer().pixelFormatAtFenceAnswer(format);
            } else {
                framer().pixelFormatRequested(format);
            }
        }

        @Override
        public void setEncodings(SetEncodings encodings) {
            clientEncodings = List.copyOf(encodings.encodings());
        }

        @Override
        public void updateRequest(FramebufferUpdateRequest request) {
            updateRequests.increment();
        }

        @Override
        public void fence(Fence fence) throws IOException {
            clientFences.increment();
            if (fence.isRequest()) {
                framer().fenceRequested();
            } else {
                Long given = serverFenceTimes.poll();
                if (given != null) {
                    long took = System.nanoTime() - given;
                    fenceAnswers.increment();
                    fenceAnswerNanos.add(took);
                    maxFenceAnswerNanos.accumulateAndGet(took, Math::max);
                }
            }
            afterSyncFence = fence.isRequest() && fence.has(Fence.SYNC_NEXT);
        }

        @Override
        public void enableContinuousUpdates(EnableContinuousUpdates request) {
            continuousEnabled = request.enable();
        }
    }
}
