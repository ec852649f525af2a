package io.vncstream.libvirt.host;

import io.vncstream.rfb.io.Transport;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The machine libvirt runs on, as far as vncstream needs it: programs and sockets. */
public interface CommandHost extends AutoCloseable {
    /** Runs a program to completion; its output is cut at {@link HostLimits#MAX_COMMAND_OUTPUT}. */
    CommandResult run(List<String> command, Duration timeout) throws IOException, InterruptedException;

    /** Starts a long-running program; with {@code terminal}, under a pseudo-terminal (stderr joins stdout). */
    RunningCommand start(List<String> command, boolean terminal) throws IOException;

    /** Connects to a unix socket on the host. */
    Transport connectUnix(String path, Duration timeout) throws IOException;

    /** Connects to a TCP port as seen from the host ({@code 127.0.0.1} is the host itself). */
    Transport connectTcp(String host, int port, Duration timeout) throws IOException;

    /** The host in words: "this machine", "root@host:2222". */
    String name();

    /** The user programs run as on the host. */
    String user();

    @Override
    default void close() {
    }
}
