package io.vncstream.rfb.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * A connected channel used without blocking, so that its reads can time out as a TCP socket's
 * do ({@link java.net.Socket#setSoTimeout}): a Unix socket has no such option, and a server
 * must bound how long a peer may leave a message half sent. Each direction waits on a selector
 * of its own, so a reader and a writer never wait for each other; closing wakes both.
 */
final class SelectingChannel implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector readable;
    private final Selector writable;
    /** Milliseconds a read may wait; 0 for ever. */
    private volatile long readTimeoutMillis;

    SelectingChannel(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        Selector r = Selector.open();
        try {
            this.writable = Selector.open();
        } catch (IOException e) {
            r.close();
            throw e;
        }
        this.readable = r;
        channel.register(readable, SelectionKey.OP_READ);
        channel.register(writable, SelectionKey.OP_WRITE);
    }

    void setReadTimeout(long millis) {
        readTimeoutMillis = millis;
    }

    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : SelectingChannel.this.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                SelectingChannel.this.write(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    private int read(ByteBuffer b) throws IOException {
        long timeout = readTimeoutMillis;
        long deadline = System.nanoTime() + timeout * 1_000_000;
        while (true) {
            int n = channel.read(b);
            if (n != 0) {
                return n;
            }
            long wait = 0;
            if (timeout > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("Read timed out");
                }
                // At least 1: select(0) would wait for ever.
                wait = Math.max(1, left / 1_000_000);
            }
            await(readable, wait);
        }
    }

    private void write(ByteBuffer b) throws IOException {
        while (true) {
            channel.write(b);
            if (!b.hasRemaining()) {
                return;
            }
            await(writable, 0);
        }
    }

    private void await(Selector selector, long millis) throws IOException {
        try {
            selector.select(millis);
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new AsynchronousCloseException();
        }
        if (!channel.isOpen()) {
            throw new AsynchronousCloseException();
        }
    }

    /** Closes the channel, then the selectors, which ends a wait in either direction. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            try {
                readable.close();
            } finally {
                writable.close();
            }
        }
    }
}
