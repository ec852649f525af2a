package io.vncstream.libvirt.host;

import io.vncstream.libvirt.LibvirtUri;
import io.vncstream.rfb.io.Transport;
import io.vncstream.ssh.PtySize;
import io.vncstream.ssh.RemoteProcess;
import io.vncstream.ssh.SshOptions;
import io.vncstream.ssh.SshTarget;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The host of a {@code qemu+ssh://} URI, over one SSH connection (the ssh module: known_hosts,
 * keys, agent): virsh in exec channels (a pty one for consoles, as {@code ssh -t} gives), the
 * screen and socket consoles through direct-tcpip and direct-streamlocal channels. Nothing but
 * libvirt's own virsh is needed on the host. With reconnection on ({@link SshLink}), a lost
 * connection is made again when next used.
 */
public final class SshCommandHost implements CommandHost {
    private final SshLink link;
    private final String user;

    private SshCommandHost(SshLink link, String user) {
        this.link = link;
        this.user = user;
    }

    public static SshCommandHost open(LibvirtUri uri, SshOptions options) throws IOException {
        return open(uri, options, false);
    }

    /**
     * With {@code reconnect}, a lost connection is made again when next used (for what outlives
     * it: the gateway, a viewer window, a followed console, whose screen and consoles then come
     * back); without it, everything after the loss fails in one line (a one-shot command).
     */
    public static SshCommandHost open(LibvirtUri uri, SshOptions options, boolean reconnect) throws IOException {
        if (!uri.isSsh()) {
            throw new IllegalArgumentException(uri + " is not a qemu+ssh:// URI");
        }
        SshLink link = SshLink.open(new SshTarget(uri.user(), uri.host(), uri.port()), options, reconnect);
        return new SshCommandHost(link, link.connection().host().user());
    }

    /** The command as the remote login shell runs it: every word quoted, messages in English. */
    private static String line(List<String> command) {
        return "LC_ALL=C " + ShellQuote.join(command);
    }

    @Override
    public CommandResult run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        try (RemoteProcess p = link.connection().exec(line(command), null)) {
            p.stdin().close();
            CompletableFuture<byte[]> out = CommandOutput.readAll(p.stdout());
            CompletableFuture<byte[]> err = CommandOutput.readAll(p.stderr());
            OptionalInt code = p.waitFor(timeout);
            if (code.isEmpty()) {
                throw new IOException(command.get(0) + " on " + name() + " did not finish within " + timeout.toSeconds() + " s");
            }
            try {
                return new CommandResult(code.getAsInt(), CommandOutput.text(out.get(5, TimeUnit.SECONDS)), CommandOutput.text(err.get(5, TimeUnit.SECONDS)));
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException(command.get(0) + " on " + name() + ": its output could not be read", e);
            }
        }
    }

    @Override
    public RunningCommand start(List<String> command, boolean terminal) throws IOException {
        RemoteProcess p = link.connection().exec(line(command), terminal ? PtySize.xterm(80, 24) : null);
        if (!terminal) {
            // No pty: stderr apart; what virsh event says there (errors) is only logged by it.
            CommandOutput.readAll(p.stderr());
        }
        return new RunningCommand() {
            @Override
            public InputStream output() {
                return p.stdout();
            }

            @Override
            public OutputStream input() {
                return p.stdin();
            }

            @Override
            public boolean isAlive() {
                return p.isAlive();
            }

            @Override
            public void close() {
                p.close();
            }
        };
    }

    @Override
    public Transport connectUnix(String path, Duration timeout) throws IOException {
        return link.connection().openUnix(path);
    }

    @Override
    public Transport connectTcp(String host, int port, Duration timeout) throws IOException {
        return link.connection().openTcp(host, port);
    }

    @Override
    public String name() {
        return link.describe();
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public void close() {
        link.close();
    }
}
