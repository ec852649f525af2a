package io.vncstream.terminal.emulation;

import com.techsenger.jeditermfx.core.TtyConnector;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The hand-over point between the thread that receives bytes (a network reader) and the emulator
 * thread. {@link #accept} copies the chunk into a queue bounded in bytes: while the emulator is
 * that far behind, the receiving thread waits, so a device faster than the terminal is slowed
 * down through TCP (and a server's own limit for a viewer that falls behind can act) instead of
 * piling up in the viewer's heap. Nothing is dropped: the log and the screen see every byte. The
 * emulator thread pulls chunks through {@link #read}, which is where they are logged and decoded
 * from UTF-8.
 *
 * <p>The connector lives as long as the terminal, across streams: a stream ending is just an
 * item in the queue, so the emulator, its screen and scrollback survive a reconnect.
 */
final class StreamConnector implements TtyConnector {

    /** What the emulator thread learns while pulling from the queue. */
    interface Observer {
        /** A chunk of received bytes is about to be shown (log it). Emulator thread. */
        void received(byte[] bytes);

        /** A host note (gap marker, end of stream) is about to be shown. Emulator thread. */
        void noted(String text);

        /**
         * The queue is empty and every chunk taken so far has been fully processed.
         * @param bytesProcessed bytes taken from the queue since the start
         */
        void idle(long bytesProcessed);

        /** The emulator wants more characters: a point between two of its operations. */
        void betweenReads();
    }

    private sealed interface Inbound permits Data, Note, NewStream, Close {
    }

    /** {@code replay}: output the device produced before this stream started, sent again by the server. */
    private record Data(byte[] bytes, boolean replay) implements Inbound {
    }

    private record Note(String text) implements Inbound {
    }

    private record NewStream() implements Inbound {
    }

    private record Close() implements Inbound {
    }

    private final LinkedBlockingQueue<Inbound> queue = new LinkedBlockingQueue<>();
    /** Bytes of the queue's data chunks; guarded by {@code space}. */
    private final Object space = new Object();
    private final int maxQueuedBytes;
    private long queuedBytes;
    /** The emulator thread, which must never wait for room it alone makes (a device echoing its answers). */
    private volatile Thread consumer;
    private final Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
    private final OpenSequence openSequence = new OpenSequence();
    private final AtomicLong bytesAccepted = new AtomicLong();
    private final Observer observer;
    private final BooleanSupplier cursorAtLineStart;
    private final String name;
    private CharBuffer pending = CharBuffer.allocate(0);
    private long bytesTaken;
    /** Whether the characters the emulator is working on now came from a replay. */
    private volatile boolean showingReplay;
    private volatile boolean closed;

    StreamConnector(String name, Observer observer, BooleanSupplier cursorAtLineStart) {
        this(name, observer, cursorAtLineStart, StreamConnectorLimits.MAX_QUEUED_BYTES);
    }

    StreamConnector(String name, Observer observer, BooleanSupplier cursorAtLineStart, int maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
        this.name = name;
        this.cursorAtLineStart = cursorAtLineStart;
        this.observer = observer;
    }

    /**
     * Any thread; waits while the queue holds {@code maxQueuedBytes} or more (a chunk bigger than
     * that goes in alone). The bytes are copied, so the caller may reuse its array.
     */
    void accept(byte[] bytes, int offset, int length) {
        accept(bytes, offset, length, false);
    }

    /** As {@link #accept(byte[], int, int)}, saying whether the bytes are a replay of older output. */
    void accept(byte[] bytes, int offset, int length, boolean replay) {
        if (length == 0 || closed) {
            return;
        }
        awaitRoom(length);
        byte[] copy = new byte[length];
        System.arraycopy(bytes, offset, copy, 0, length);
        bytesAccepted.addAndGet(length);
        queue.add(new Data(copy, replay));
    }

    /** Shows {@code text} on its own line after everything accepted so far. */
    void note(String text) {
        queue.add(new Note(text));
    }

    /** A new stream starts after everything accepted so far: drop the old one's partial char. */
    void newStream() {
        queue.add(new NewStream());
    }

    private void awaitRoom(int length) {
        boolean interrupted = false;
        synchronized (space) {
            while (!closed && queuedBytes > 0 && queuedBytes + length > maxQueuedBytes
                    && Thread.currentThread() != consumer) {
                try {
                    space.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the bytes still go in: nothing is lost
                }
            }
            queuedBytes += length;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Bytes accepted and not yet taken by the emulator. */
    long queuedBytes() {
        synchronized (space) {
            return queuedBytes;
        }
    }

    long bytesAccepted() {
        return bytesAccepted.get();
    }

    /**
     * Whether the emulator is processing replayed output: what it answers now answers a query
     * that the device asked long ago, of another terminal or of none. Emulator thread. The
     * emulator's data stream asks for characters only once it has used up the last ones, and one
     * read never mixes two chunks, so the chunk of the latest read is the one being processed.
     */
    boolean showingReplay() {
        return showingReplay;
    }

    int queuedItems() {
        return queue.size();
    }

    @Override
    public int read(char[] buf, int offset, int length) {
        consumer = Thread.currentThread();
        observer.betweenReads();
        while (true) {
            if (pending.hasRemaining()) {
                int n = Math.min(Math.min(length, pending.remaining()), StreamConnectorLimits.MAX_CHARS_PER_READ);
                pending.get(buf, offset, n);
                return n;
            }
            Inbound item = queue.poll();
            if (item == null) {
                // Everything handed over so far has gone through the emulator.
                observer.idle(bytesTaken);
                try {
                    item = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            showingReplay = item instanceof Data data && data.replay();
            if (item instanceof Data data) {
                synchronized (space) {
                    queuedBytes -= data.bytes().length;
                    space.notifyAll();
                }
                observer.received(data.bytes());
                pending = decoder.decode(data.bytes(), 0, data.bytes().length);
                openSequence.feed(pending.array(), pending.arrayOffset() + pending.position(), pending.remaining());
                bytesTaken += data.bytes().length;
            } else if (item instanceof Note note) {
                observer.noted(note.text());
                // A note may come while a sequence is open (the stream broke off in its middle).
                pending = CharBuffer.wrap(openSequence.close()
                        + NoteLine.render(note.text(), cursorAtLineStart.getAsBoolean()));
            } else if (item instanceof NewStream) {
                // The old stream's unfinished character and sequence end here, not in the new one.
                pending = CharBuffer.wrap(openSequence.close() + decoder.reset());
            } else {
                return -1;
            }
        }
    }

    @Override
    public boolean ready() {
        return pending.hasRemaining() || !queue.isEmpty();
    }

    @Override
    public void write(byte[] bytes) {
        throw new UnsupportedOperationException("input goes through the session's ByteSink");
    }

    @Override
    public void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isConnected() {
        return !closed;
    }

    @Override
    public int waitFor() {
        return 0;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (space) {
            space.notifyAll();
        }
        queue.add(new Close());
    }
}
