package io.vncstream.ssh;

import com.jcraft.jsch.ChannelExec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * A command running on the SSH host ({@link SshConnection#exec}): its stdin, stdout and stderr
 * (with a pty, the terminal's output is all on stdout), exit status, and terminal size.
 * Both outputs are bounded buffers that hold up the connection when full: read them (or close
 * the process) rather than leave them. Closing it ends the channel (the remote side gets a hangup).
 */
public final class RemoteProcess implements AutoCloseable {
    private static final long POLL_MILLIS = 10;

    private final ChannelExec channel;
    private final OutputStream stdin;
    private final ChannelInput stdout;
    private final ChannelInput stderr;
    private final String command;

    RemoteProcess(ChannelExec channel, OutputStream stdin, ChannelInput stdout, ChannelInput stderr, String command) {
        this.channel = channel;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.command = command;
    }

    /** The command's standard input; closing it sends EOF. */
    public OutputStream stdin() {
        return stdin;
    }

    public InputStream stdout() {
        return stdout;
    }

    public InputStream stderr() {
        return stderr;
    }

    public String command() {
        return command;
    }

    /** Whether the command is still running (its channel is open). */
    public boolean isAlive() {
        return !channel.isClosed();
    }

    /**
     * Waits up to {@code timeout} for the command to end; its exit status, or empty if it is still
     * running, or ended without one (killed by a signal: see {@link #exitSignal()}).
     */
    public OptionalInt waitFor(Duration timeout) throws InterruptedIOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!channel.isClosed()) {
            if (System.nanoTime() > deadline) {
                return OptionalInt.empty();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for " + command);
            }
        }
        int status = channel.getExitStatus();
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** The signal that ended the command ("TERM", "KILL"...), or null. */
    public String exitSignal() {
        return channel.getExitSignal();
    }

    /** Tells the remote pty its new size (no effect without a pty). */
    public void resizePty(int columns, int rows) {
        channel.setPtySize(columns, rows, 0, 0);
    }

    /** Sends a signal ("INT", "TERM", "KILL"); OpenSSH honours it from version 7.9. */
    public void signal(String name) throws IOException {
        try {
            channel.sendSignal(name);
        } catch (Exception e) {
            throw new IOException("cannot send " + name + " to " + command + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stdout.close();
        stderr.close();
        channel.disconnect();
    }
}
