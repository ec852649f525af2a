package io.vncstream.viewer.connect;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.handshake.ConnectionRefusedException;
import io.vncstream.rfb.security.AuthenticationException;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** A failure to connect, in words for the connection dialog. */
public final class ConnectErrors {
    private ConnectErrors() {
    }

    /** The handshake's message already starts "authentication failed: " before the server's reason. */
    private static String authReason(String msg) {
        String prefix = "authentication failed:";
        if (msg == null) {
            return "no reason given.";
        }
        if (msg.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return "the server says \"" + msg.substring(prefix.length()).trim() + "\".";
        }
        return msg;
    }

    public static String describe(Throwable e, String address) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.lang.reflect.InvocationTargetException)) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        if (t instanceof io.vncstream.ssh.SshException) {
            return msg; // one line already, naming the SSH host, its port and the cause
        }
        if (t instanceof ConnectException) {
            return "Connection refused: nothing accepts VNC connections at " + address + ".";
        }
        if (t instanceof SocketTimeoutException) {
            return "Timed out: " + (msg != null && !msg.isBlank() ? msg : "no answer from " + address) + ".";
        }
        if (t instanceof UnknownHostException) {
            return "Unknown host: " + msg + ".";
        }
        if (t instanceof NoRouteToHostException) {
            return "No route to host " + address + ".";
        }
        if (t instanceof AuthenticationException) {
            return "Authentication failed: " + authReason(msg);
        }
        if (t instanceof ConnectionRefusedException) {
            return "The server refused the connection: " + msg;
        }
        if (t instanceof RfbProtocolException) {
            return "Protocol error: " + msg;
        }
        if (t instanceof EOFException) {
            return "The server closed the connection" + (msg != null ? ": " + msg : ".");
        }
        if (t instanceof IllegalArgumentException) {
            return "Invalid address: " + msg;
        }
        if (t instanceof java.net.SocketException) {
            return "Network error: " + msg;
        }
        return msg == null ? t.getClass().getSimpleName() : msg;
    }
}
