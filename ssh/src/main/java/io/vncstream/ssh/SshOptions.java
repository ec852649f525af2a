package io.vncstream.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to connect: whose {@code ~/.ssh} to use (config, known_hosts, keys), which ssh-agent, the
 * overall deadline, and who answers prompts. {@link #forUser()} is what {@code ssh} would use.
 */
public final class SshOptions {
    /** Overrides the directory holding {@code .ssh} (tests point it at a throw-away HOME). */
    public static final String HOME_PROPERTY = "vncstream.ssh.home";
    /** Overrides {@code SSH_AUTH_SOCK}; {@code none} uses no agent. */
    public static final String AGENT_PROPERTY = "vncstream.ssh.agent";
    /** Overrides the system-wide known hosts file (tests point it into their own directory). */
    public static final String GLOBAL_KNOWN_HOSTS_PROPERTY = "vncstream.ssh.global-known-hosts";
    public static final Path DEFAULT_GLOBAL_KNOWN_HOSTS = Path.of("/etc/ssh/ssh_known_hosts");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private Path home;
    private Path agentSocket;
    private Path globalKnownHosts = DEFAULT_GLOBAL_KNOWN_HOSTS;
    private Duration connectTimeout = DEFAULT_TIMEOUT;
    private SshPrompts prompts = SshPrompts.nonInteractive();

    private SshOptions() {
    }

    /**
     * The user's HOME ({@value #HOME_PROPERTY} if set, else {@code user.home}), the agent of
     * {@code SSH_AUTH_SOCK} ({@value #AGENT_PROPERTY} if set), no prompts.
     */
    public static SshOptions forUser() {
        SshOptions o = new SshOptions();
        String h = System.getProperty(HOME_PROPERTY);
        o.home = Path.of(h != null && !h.isBlank() ? h : System.getProperty("user.home"));
        String agent = System.getProperty(AGENT_PROPERTY);
        if (agent == null) {
            agent = System.getenv("SSH_AUTH_SOCK");
        }
        o.agentSocket = agent == null || agent.isBlank() || agent.equals("none") ? null : Path.of(agent);
        String global = System.getProperty(GLOBAL_KNOWN_HOSTS_PROPERTY);
        if (global != null && !global.isBlank()) {
            o.globalKnownHosts = Path.of(global);
        }
        return o;
    }

    /** The directory holding {@code .ssh}. */
    public SshOptions home(Path dir) {
        this.home = Objects.requireNonNull(dir);
        return this;
    }

    /** The ssh-agent's socket, or null for none. */
    public SshOptions agentSocket(Path socket) {
        this.agentSocket = socket;
        return this;
    }

    /** The system-wide known hosts, read (never written) after the user's: {@code /etc/ssh/ssh_known_hosts}. */
    public SshOptions globalKnownHosts(Path file) {
        this.globalKnownHosts = Objects.requireNonNull(file);
        return this;
    }

    /** The whole connect (TCP, key exchange, authentication) must finish within this, prompts not counted. */
    public SshOptions connectTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive: " + timeout);
        }
        this.connectTimeout = timeout;
        return this;
    }

    public SshOptions prompts(SshPrompts prompts) {
        this.prompts = Objects.requireNonNull(prompts);
        return this;
    }

    public Path home() {
        return home;
    }

    public Path sshDir() {
        return home.resolve(".ssh");
    }

    public Path agentSocket() {
        return agentSocket;
    }

    public Path globalKnownHosts() {
        return globalKnownHosts;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public SshPrompts prompts() {
        return prompts;
    }

    public SshOptions copy() {
        SshOptions o = new SshOptions();
        o.home = home;
        o.agentSocket = agentSocket;
        o.globalKnownHosts = globalKnownHosts;
        o.connectTimeout = connectTimeout;
        o.prompts = prompts;
        return o;
    }
}
