package io.vncstream.gateway.device;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * A log file, read-only, followed like {@code tail -f}: everything in it, then what is
 * appended. A file that shrinks (rotated, truncated) is read again from its start.
 */
public final class FileBackend implements DeviceBackend {
    private static final long POLL_MS = 200;

    private final Path path;

    public FileBackend(Path path) {
        this.path = path;
    }

    @Override
    public DeviceConnection open() throws IOException {
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "r");
        return new DeviceConnection() {
            private volatile boolean closed;

            @Override
            public int read(byte[] buffer) throws IOException {
                while (!closed) {
                    int n = file.read(buffer);
                    if (n > 0) {
                        return n;
                    }
                    // At the end: only now is a shrunk file worth asking about, not on every read.
                    if (file.length() < file.getFilePointer()) {
                        file.seek(0);
                        continue;
                    }
                    try {
                        Thread.sleep(POLL_MS);
                    } catch (InterruptedException e) {
                        return -1;
                    }
                }
                return -1;
            }

            @Override
            public void write(byte[] data) {
                // read-only: input to a log file is dropped
            }

            @Override
            public void close() {
                closed = true;
                try {
                    file.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        };
    }

    @Override
    public String describe() {
        return "file:" + path;
    }
}
