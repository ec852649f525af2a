package io.vncstream.ssh;

/** The SSH host's key was not accepted: unknown and not trusted, or different from the one in known_hosts. */
public final class HostKeyException extends SshException {
    /** Why the key was refused. */
    public enum Problem { UNKNOWN, CHANGED }

    private final Problem problem;
    private final HostKeyInfo key;

    public HostKeyException(String message, Problem problem, HostKeyInfo key) {
        super(message);
        this.problem = problem;
        this.key = key;
    }

    public Problem problem() {
        return problem;
    }

    /** The key the host presented. */
    public HostKeyInfo key() {
        return key;
    }
}
