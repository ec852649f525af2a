package io.vncstream.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.JSchException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** jsch's failures as one line each, naming the host, the port and the cause. */
final class SshErrors {
    private static final Pattern AUTH = Pattern.compile("Auth (fail|cancel) for methods '([^']*)'");

    private SshErrors() {
    }

    static SshException connectFailed(SshHost host, JSchException e, boolean timedOut, Duration budget,
                                      HostKeyException refusal, String keysOffered, List<String> asked,
                                      boolean userCancelled, boolean interactive) {
        String where = "ssh " + host.describe() + ": ";
        if (refusal != null) {
            return new HostKeyException(where + refusal.getMessage(), refusal.problem(), refusal.key());
        }
        if (timedOut) {
            return new SshException(where + "timed out after " + budget.toSeconds()
                    + " s (connecting, exchanging keys and logging in)", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new SshException("ssh " + host.describe() + ": unknown host " + host.hostName(), e);
            }
            if (t instanceof ConnectException) {
                return new SshException(where + "connection refused", e);
            }
            if (t instanceof NoRouteToHostException) {
                return new SshException(where + "no route to host", e);
            }
            if (t instanceof SocketTimeoutException) {
                return new SshException(where + "timed out after " + budget.toSeconds() + " s", e);
            }
        }
        String msg = String.valueOf(e.getMessage());
        Matcher m = AUTH.matcher(msg);
        boolean tooMany = msg.contains("Too many authentication failures");
        if (m.find() || msg.startsWith("USERAUTH fail") || tooMany) {
            String allowed = m.find(0) ? "the server accepts " + printable(m.group(2))
                    : tooMany ? "the server allowed no more attempts" : "the server accepted none";
            boolean cancelled = interactive && userCancelled && msg.startsWith("Auth cancel");
            StringBuilder tried = new StringBuilder("publickey with " + keysOffered);
            for (String a : asked) {
                if (!interactive && a.startsWith("passphrase for ")) {
                    // Nobody to ask (a daemon, a script): say why the key was not used and what would.
                    tried.append("; ").append(a.substring("passphrase for ".length()))
                            .append(" has a passphrase and nothing may ask for it here: load it into ssh-agent (ssh-add)");
                } else {
                    tried.append("; ").append(a);
                }
            }
            return new SshAuthException(where + "authentication " + (cancelled ? "cancelled" : "failed") + " for user "
                    + host.user() + " (" + allowed + "; tried " + tried + ")");
        }
        if (msg.contains("Session.connect: java.net.SocketException") || msg.contains("End of IO Stream")) {
            return new SshException(where + "the server closed the connection during the SSH handshake", e);
        }
        return new SshException(where + oneLine(msg), e);
    }

    /** A channel the SSH host would not open, with the reason code it gave (RFC 4254 section 5.1). */
    static SshException channelFailed(SshHost host, String what, Channel ch, Exception e) {
        String where = "ssh " + host.describe() + ": ";
        if (ch != null && !isSessionUp(ch)) {
            return new SshException(where + "connection lost while opening " + what, e);
        }
        int reason = ch == null ? -1 : ch.getExitStatus();
        String why = switch (reason) {
            case 1 -> "the SSH host refuses to open " + what + " (forwarding is disabled there: "
                    + (what.startsWith("unix:") ? "AllowStreamLocalForwarding" : "AllowTcpForwarding") + ")";
            case 2 -> "the SSH host could not connect to " + what
                    + (what.startsWith("unix:") ? " (no such socket, or not allowed to use it)" : " (connection refused)");
            case 3 -> "the SSH host does not know how to open " + what;
            case 4 -> "the SSH host has no resources to open " + what;
            default -> ch != null && "channel is not opened.".equals(e.getMessage())
                    ? "the SSH host did not open " + what + " within " + SshConnection.CHANNEL_TIMEOUT.toSeconds() + " s"
                    : "cannot open " + what + ": " + oneLine(String.valueOf(e.getMessage()));
        };
        return new SshException(where + why, e);
    }

    private static boolean isSessionUp(Channel ch) {
        try {
            return ch.getSession().isConnected();
        } catch (JSchException e) {
            return false;
        }
    }

    /** One line, and nothing the server sent can drive the user's terminal: controls become '?'. */
    static String oneLine(String s) {
        return printable(s.replaceAll("\\s*\\R\\s*", " ").trim());
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == 0x7f ? '?' : c));
        return b.toString();
    }
}
