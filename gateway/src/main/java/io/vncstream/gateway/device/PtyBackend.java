package io.vncstream.gateway.device;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** A pseudo-terminal such as QEMU's {@code -serial pty} ({@code /dev/pts/N}), opened for reading and writing. */
public final class PtyBackend implements DeviceBackend {
    private final Path path;

    public PtyBackend(Path path) {
        this.path = path;
    }

    @Override
    public DeviceConnection open() throws IOException {
        FileInputStream in = new FileInputStream(path.toFile());
        FileOutputStream out;
        try {
            out = new FileOutputStream(path.toFile());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new StreamConnection(in, out, () -> {
            in.close();
            out.close();
        });
    }

    @Override
    public String describe() {
        return "pty:" + path;
    }
}
