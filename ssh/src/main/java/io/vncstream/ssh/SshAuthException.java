package io.vncstream.ssh;

/** The SSH server accepted none of the ways the client tried to log in (or the user cancelled a prompt). */
public final class SshAuthException extends SshException {
    public SshAuthException(String message) {
        super(message);
    }
}
