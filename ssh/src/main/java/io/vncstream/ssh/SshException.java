package io.vncstream.ssh;

import java.io.IOException;

/**
 * An SSH connection or channel failed. The message is one line that names the SSH host and port
 * and the cause ("ssh root@gw port 22: connection refused"), ready for a user to read.
 */
public class SshException extends IOException {
    public SshException(String message) {
        super(message);
    }

    public SshException(String message, Throwable cause) {
        super(message, cause);
    }
}
