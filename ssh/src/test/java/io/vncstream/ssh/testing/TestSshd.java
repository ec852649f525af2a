package io.vncstream.ssh.testing;

import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.ssh.SshOptions;
import io.vncstream.ssh.SshTarget;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real OpenSSH server on a free loopback port for tests, with its own ed25519 host key, and a
 * throw-away client HOME beside it: {@code home()/.ssh/id_ed25519} is authorized (for the user
 * running the tests, root included), {@code known_hosts} and {@code config} start empty, so no
 * test ever reads the real user's {@code ~/.ssh}. TCP and streamlocal forwarding are allowed.
 *
 * <pre>{@code
 * try (TestSshd sshd = TestSshd.start()) {
 *     sshd.trustHostKey();
 *     try (SshConnection c = SshConnection.open(sshd.target(), sshd.clientOptions())) { ... }
 * }
 * }</pre>
 *
 * The tools run with {@code HOME} set to {@link #home()}; for the viewer, point
 * {@link SshOptions#HOME_PROPERTY} there ({@link #clientSystemProperties()}).
 */
public final class TestSshd implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(10);
    private static final Duration TOOL = Duration.ofSeconds(20);

    private final Path dir;
    private final Path home;
    private final int port;
    private volatile Process sshd;
    private final Path log;

    private TestSshd(Path dir, Path home, int port, Process sshd, Path log) {
        this.dir = dir;
        this.home = home;
        this.port = port;
        this.sshd = sshd;
        this.log = log;
    }

    /** Starts sshd, or skips the test (fails it in CI) when openssh-server is not installed. */
    public static TestSshd start() throws IOException, InterruptedException {
        return start(new String[0]);
    }

    /**
     * As {@link #start()}, with more sshd_config lines, which win over the defaults (sshd takes
     * the first value of a keyword), e.g. {@code "PasswordAuthentication yes"}.
     */
    public static TestSshd start(String... extraConfig) throws IOException, InterruptedException {
        TestPeers.require(Files.isExecutable(Path.of("/usr/sbin/sshd")), "/usr/sbin/sshd (Debian package openssh-server)");
        TestPeers.requireProgram("ssh-keygen", "openssh-client");
        Path dir = Files.createTempDirectory("test-sshd");
        try {
            Path home = dir.resolve("home");
            Path ssh = home.resolve(".ssh");
            Files.createDirectories(ssh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            keygen(dir.resolve("hostkey"), "");
            keygen(ssh.resolve("id_ed25519"), "");
            Files.copy(ssh.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
            try {
                Files.createDirectories(Path.of("/run/sshd")); // sshd started as root wants its privilege-separation directory
            } catch (IOException e) {
                // not root: sshd runs unprivileged for the same user and says so in its log if it still needs it
            }
            IOException last = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                int port = freePort();
                Path config = writeConfig(dir, port, extraConfig);
                Path log = dir.resolve("sshd-" + port + ".log");
                Process p = Processes.start(Map.of(), dir, log, List.of("/usr/sbin/sshd", "-D", "-e", "-f", config.toString()));
                TestSshd server = new TestSshd(dir, home, port, p, log);
                long deadline = System.nanoTime() + STARTUP.toNanos();
                while (System.nanoTime() < deadline && p.isAlive() && !Processes.accepts(port)) {
                    Thread.sleep(20);
                }
                if (p.isAlive() && Processes.accepts(port)) {
                    return server;
                }
                Processes.killTree(p.toHandle());
                last = new IOException("sshd on port " + port + " did not start:\n" + Processes.tail(log));
            }
            throw last;
        } catch (IOException | InterruptedException | RuntimeException e) {
            Processes.deleteTree(dir);
            throw e;
        }
    }

    /**
     * Kills sshd and every session it serves, as a host that goes away (or a cut network) ends
     * them, and starts it again on the same port with the same keys: clients' connections are
     * lost, and new ones work once this returns.
     */
    public void restart() throws IOException, InterruptedException {
        stopServing();
        serveAgain();
    }

    /** Kills sshd and every session it serves: the port refuses connections until {@link #serveAgain}. */
    public void stopServing() throws InterruptedException {
        Processes.killTree(sshd.toHandle());
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (Processes.accepts(port) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Starts sshd again on the same port with the same keys, after {@link #stopServing}. */
    public void serveAgain() throws IOException, InterruptedException {
        Path config = dir.resolve("sshd_config");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        Process p = Processes.start(Map.of(), dir, log, List.of("/usr/sbin/sshd", "-D", "-e", "-f", config.toString()));
        sshd = p;
        while (System.nanoTime() < deadline && p.isAlive() && !Processes.accepts(port)) {
            Thread.sleep(20);
        }
        if (!p.isAlive() || !Processes.accepts(port)) {
            throw new IOException("sshd on port " + port + " did not start again:\n" + Processes.tail(log));
        }
    }

    private static Path writeConfig(Path dir, int port, String... extra) throws IOException {
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n", extra) + "\n" + String.join("\n",
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + dir.resolve("hostkey"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PidFile " + dir.resolve("sshd.pid"),
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                // the test's directories are not root-owned 0755 all the way up
                "StrictModes no",
                "AllowTcpForwarding yes",
                "AllowStreamLocalForwarding yes",
                "PermitTTY yes",
                "AcceptEnv LANG",
                "LogLevel VERBOSE",
                ""), StandardCharsets.UTF_8);
        return config;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    /** {@code ssh-keygen -t ed25519 -f FILE -N PASSPHRASE}: FILE and FILE.pub. */
    public static void keygen(Path file, String passphrase) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + ".pub"));
        Processes.check(TOOL, Map.of(), null, "ssh-keygen", "-q", "-t", "ed25519", "-f", file.toString(),
                "-N", passphrase, "-C", "vncstream-test");
    }

    public int port() {
        return port;
    }

    /** The user tests log in as: the one running them. */
    public String user() {
        return System.getProperty("user.name");
    }

    /** {@code USER@127.0.0.1:PORT}. */
    public String address() {
        return user() + "@127.0.0.1:" + port;
    }

    public SshTarget target() {
        return SshTarget.parse(address());
    }

    /** How known_hosts names this server: {@code [127.0.0.1]:PORT}. */
    public String knownHostsName() {
        return "[127.0.0.1]:" + port;
    }

    /** The client side's HOME: {@code .ssh/id_ed25519} (authorized), {@code known_hosts}, {@code config}. */
    public Path home() {
        return home;
    }

    public Path sshDir() {
        return home.resolve(".ssh");
    }

    public Path knownHosts() {
        return sshDir().resolve("known_hosts");
    }

    /** Options for this client HOME, no agent, no prompts, the test's own system-wide known hosts. */
    public SshOptions clientOptions() {
        return SshOptions.forUser().home(home).agentSocket(null).globalKnownHosts(globalKnownHosts());
    }

    /** What stands for {@code /etc/ssh/ssh_known_hosts} (absent until a test writes it). */
    public Path globalKnownHosts() {
        return dir.resolve("ssh_known_hosts");
    }

    /** The system properties that make {@link SshOptions#forUser()} use this client HOME and no agent. */
    public Map<String, String> clientSystemProperties() {
        return Map.of(SshOptions.HOME_PROPERTY, home.toString(), SshOptions.AGENT_PROPERTY, "none",
                SshOptions.GLOBAL_KNOWN_HOSTS_PROPERTY, globalKnownHosts().toString());
    }

    /** The host key's fingerprint as {@code ssh-keygen -l} prints it: {@code SHA256:...}. */
    public String hostKeyFingerprint() throws IOException, InterruptedException {
        String out = Processes.check(TOOL, Map.of(), null, "ssh-keygen", "-l", "-E", "sha256", "-f",
                dir.resolve("hostkey.pub").toString());
        return out.trim().split("\\s+")[1];
    }

    /** The host key's public line, {@code ssh-ed25519 BASE64 COMMENT}. */
    public String hostPublicKey() throws IOException {
        return Files.readString(dir.resolve("hostkey.pub"), StandardCharsets.UTF_8).trim();
    }

    /** Writes the server's real host key into the client's known_hosts (as one plain entry). */
    public void trustHostKey() throws IOException {
        appendKnownHost(knownHostsName() + " " + hostPublicKey());
    }

    /** Appends one line to the client's known_hosts. */
    public void appendKnownHost(String line) throws IOException {
        Files.writeString(knownHosts(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Makes another key pair in the client's .ssh and authorizes it; returns the private key file. */
    public Path authorizeNewClientKey(String name, String passphrase) throws IOException, InterruptedException {
        Path key = sshDir().resolve(name);
        keygen(key, passphrase);
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return key;
    }

    /** Writes the client's {@code ~/.ssh/config}. */
    public void writeClientConfig(String text) throws IOException {
        Files.writeString(sshDir().resolve("config"), text, StandardCharsets.UTF_8);
    }

    /** A scratch directory (removed on close), readable by sshd's sessions. */
    public Path dir() {
        return dir;
    }

    public String logTail() {
        return Processes.tail(log);
    }

    @Override
    public void close() {
        Processes.killTree(sshd.toHandle());
        Processes.deleteTree(dir);
    }

    @Override
    public String toString() {
        return "sshd on 127.0.0.1:" + port;
    }
}
