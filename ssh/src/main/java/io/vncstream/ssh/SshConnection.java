package io.vncstream.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelDirectStreamLocal;
import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.vncstream.rfb.io.Transport;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One logged-in SSH connection, opened as OpenSSH's {@code ssh} would ({@link SshHost} for the
 * config, {@link KnownHostsCheck}, {@link Identities}), carrying any number of channels: TCP
 * ports and unix sockets as seen from the SSH host ({@link #openTcp}, {@link #openUnix}), and
 * commands ({@link #exec}). Thread-safe; {@link #close} ends every channel.
 */
public final class SshConnection implements AutoCloseable {
    /** How long the SSH host may take to open a channel (connect to the port or socket). */
    public static final Duration CHANNEL_TIMEOUT = Duration.ofSeconds(10);
    /** A keep-alive every 15 s, given up after 4 unanswered, as {@code ServerAliveInterval} does. */
    private static final int ALIVE_INTERVAL_MS = 15_000;
    private static final int ALIVE_COUNT_MAX = 4;

    private final Session session;
    private final SshHost host;

    private SshConnection(Session session, SshHost host) {
        this.session = session;
        this.host = host;
    }

    /** Resolves {@code target} through {@code ~/.ssh/config}, connects, checks the host key and logs in. */
    public static SshConnection open(SshTarget target, SshOptions options) throws SshException {
        return open(SshHost.resolve(target, options), options);
    }

    /** Connects to an already resolved host. Every failure is an {@link SshException} with one line. */
    public static SshConnection open(SshHost host, SshOptions options) throws SshException {
        ConnectDeadline deadline = new ConnectDeadline(options.connectTimeout());
        SshPrompts prompts = options.prompts();
        Identities identities = new Identities(options.agentSocket(), host.identityFiles());
        PromptBridge bridge = new PromptBridge(prompts, deadline, host.user() + "@" + host.hostName());
        KnownHostsCheck knownHosts;
        Session session;
        try {
            JSch jsch = new JSch();
            jsch.setInstanceLogger(new JschLog());
            knownHosts = new KnownHostsCheck(options.sshDir().resolve("known_hosts"), options.globalKnownHosts(),
                    prompts, deadline,
                    host.hashKnownHosts());
            session = jsch.getSession(host.user(), host.hostName(), host.port());
            session.setHostKeyRepository(knownHosts);
            session.setIdentityRepository(identities);
            session.setUserInfo(bridge);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications",
                    prompts.isInteractive() ? "publickey,keyboard-interactive,password" : "publickey");
            session.setServerAliveInterval(ALIVE_INTERVAL_MS);
            session.setServerAliveCountMax(ALIVE_COUNT_MAX);
            session.setDaemonThread(true);
        } catch (JSchException e) {
            throw new SshException("ssh " + host.describe() + ": " + e.getMessage(), e);
        }
        Watchdog watchdog = new Watchdog(session, deadline);
        try {
            session.connect((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()));
        } catch (JSchException e) {
            session.disconnect();
            throw SshErrors.connectFailed(host, e, watchdog.fired(), deadline.budget(), knownHosts.refusal(),
                    identities.describe(), bridge.asked(), bridge.cancelled(), prompts.isInteractive());
        } finally {
            watchdog.stop();
        }
        return new SshConnection(session, host);
    }

    /**
     * Opens a tunnel to {@code host:port} as the SSH host resolves it ({@code localhost} is the
     * SSH host itself), through a connection that the tunnel owns: closing the transport closes
     * the connection too. What TigerVNC's {@code -via} does, without a local listening port.
     */
    public static Transport tunnelTcp(SshTarget via, SshOptions options, String host, int port) throws IOException {
        SshConnection c = open(via, options);
        try {
            return c.openTcp(host, port, true);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** As {@link #tunnelTcp}, to a unix socket on the SSH host. */
    public static Transport tunnelUnix(SshTarget via, SshOptions options, String socketPath) throws IOException {
        SshConnection c = open(via, options);
        try {
            return c.openUnix(socketPath, true);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    public SshHost host() {
        return host;
    }

    public boolean isOpen() {
        return session.isConnected();
    }

    /** A {@code direct-tcpip} channel to {@code host:port} as seen from the SSH host. */
    public Transport openTcp(String targetHost, int targetPort) throws SshException {
        return openTcp(targetHost, targetPort, false);
    }

    /** A {@code direct-streamlocal@openssh.com} channel to a unix socket on the SSH host. */
    public Transport openUnix(String socketPath) throws SshException {
        return openUnix(socketPath, false);
    }

    private Transport openTcp(String targetHost, int targetPort, boolean ownsConnection) throws SshException {
        String what = (targetHost.contains(":") ? "[" + targetHost + "]" : targetHost) + ":" + targetPort;
        ChannelDirectTCPIP ch = (ChannelDirectTCPIP) channel("direct-tcpip", what);
        ch.setHost(targetHost);
        ch.setPort(targetPort);
        return connectStream(ch, what, ownsConnection);
    }

    private Transport openUnix(String socketPath, boolean ownsConnection) throws SshException {
        String what = "unix:" + socketPath;
        ChannelDirectStreamLocal ch = (ChannelDirectStreamLocal) channel("direct-streamlocal@openssh.com", what);
        ch.setSocketPath(socketPath);
        return connectStream(ch, what, ownsConnection);
    }

    private Channel channel(String type, String what) throws SshException {
        try {
            return session.openChannel(type);
        } catch (JSchException e) {
            throw SshErrors.channelFailed(host, what, null, e);
        }
    }

    private Transport connectStream(Channel ch, String what, boolean ownsConnection) throws SshException {
        String name = what + " via ssh " + host.describe();
        ChannelInput in = new ChannelInput(name);
        ch.setOutputStream(in.sink());
        OutputStream out;
        try {
            ch.connect((int) CHANNEL_TIMEOUT.toMillis());
            out = new FlushingOutput(ch.getOutputStream());
        } catch (JSchException | IOException e) {
            SshException failure = SshErrors.channelFailed(host, what, ch, e); // while the session still says whether it is up
            ch.disconnect();
            if (ownsConnection) {
                close();
            }
            throw failure;
        }
        AutoCloseable closer = () -> {
            in.close();
            ch.disconnect();
            if (ownsConnection) {
                close();
            }
        };
        return Transport.of(in, out, closer, in::setTimeout, name);
    }

    /**
     * Runs {@code command} on the SSH host (through the user's login shell, as {@code ssh host
     * command} does), with a pseudo-terminal of {@code pty} or none when it is null.
     */
    public RemoteProcess exec(String command, PtySize pty) throws SshException {
        ChannelExec ch = (ChannelExec) channel("exec", "command");
        ch.setCommand(command);
        if (pty != null) {
            ch.setPty(true);
            ch.setPtyType(pty.term(), pty.columns(), pty.rows(), 0, 0);
        }
        String name = "'" + command + "' on " + host.describe();
        ChannelInput out = new ChannelInput("output of " + name);
        ChannelInput err = new ChannelInput("errors of " + name);
        ch.setOutputStream(out.sink());
        ch.setExtOutputStream(err.sink());
        OutputStream in;
        try {
            in = new FlushingOutput(ch.getOutputStream());
            ch.connect((int) CHANNEL_TIMEOUT.toMillis());
        } catch (JSchException | IOException e) {
            ch.disconnect();
            throw SshErrors.channelFailed(host, "command " + command, ch, e);
        }
        return new RemoteProcess(ch, in, out, err, command);
    }

    /** How much output {@link #run} keeps of each stream: more is an error, not memory. */
    public static final int MAX_RUN_OUTPUT = 16 * 1024 * 1024;

    /**
     * Runs {@code command} without a pty, its stdin closed at once, and waits for it: its exit
     * status and output. It must end within {@code timeout} and write at most
     * {@link #MAX_RUN_OUTPUT} bytes to each stream, or it is ended and this fails in one line.
     */
    public CommandResult run(String command, Duration timeout) throws SshException {
        try (RemoteProcess p = exec(command, null)) {
            p.stdin().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(
                    () -> OutputCollector.collect(p.stderr(), MAX_RUN_OUTPUT), OutputCollector.THREADS);
            String out = OutputCollector.collectWithin(p.stdout(), MAX_RUN_OUTPUT, timeout, p);
            OptionalInt status = p.waitFor(timeout);
            String errors = err.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (status.isEmpty() && p.isAlive()) {
                throw new SshException("ssh " + host.describe() + ": '" + command + "' did not finish within "
                        + timeout.toSeconds() + " s");
            }
            return new CommandResult(status.orElse(-1), out, errors);
        } catch (SshException e) {
            throw e;
        } catch (TimeoutException e) {
            throw new SshException("ssh " + host.describe() + ": '" + command + "' did not finish within "
                    + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
            throw new SshException("ssh " + host.describe() + ": '" + command + "': " + c.getMessage(), e);
        } catch (IOException e) {
            throw new SshException("ssh " + host.describe() + ": '" + command + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException("ssh " + host.describe() + ": interrupted running '" + command + "'", e);
        }
    }

    @Override
    public void close() {
        session.disconnect();
    }

    @Override
    public String toString() {
        return "ssh " + host.describe();
    }

    /** Ends a connect that overruns its deadline (jsch bounds each read, not the whole). */
    private static final class Watchdog implements Runnable {
        private final Session session;
        private final ConnectDeadline deadline;
        private final Thread thread;
        private volatile boolean stopped;
        private volatile boolean fired;

        Watchdog(Session session, ConnectDeadline deadline) {
            this.session = session;
            this.deadline = deadline;
            this.thread = new Thread(this, "ssh-connect-deadline");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            while (!stopped) {
                if (deadline.expired()) {
                    fired = true;
                    session.disconnect();
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        boolean fired() {
            return fired;
        }

        void stop() {
            stopped = true;
            thread.interrupt();
        }
    }
}
