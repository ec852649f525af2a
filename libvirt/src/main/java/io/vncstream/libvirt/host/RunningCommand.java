package io.vncstream.libvirt.host;

import java.io.InputStream;
import java.io.OutputStream;

/** A program started on the host: its output (stderr too when under a terminal), its input. */
public interface RunningCommand extends AutoCloseable {
    InputStream output();

    OutputStream input();

    boolean isAlive();

    /** Ends the program (and what it started) if it still runs. */
    @Override
    void close();
}
