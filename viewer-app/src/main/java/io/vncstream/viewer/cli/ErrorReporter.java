package io.vncstream.viewer.cli;

import io.vncstream.rfb.RfbProtocolException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;

/**
 * Turns a failure into one line on stderr that says what happened, and exit status 1; the
 * stack trace only with {@code --debug}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        String prefix = cmd.getParent() == null ? cmd.getCommandName() : "vncstream " + cmd.getCommandName();
        // Messages may carry a server's words (a reason, a device name): escaped, and one line.
        cmd.getErr().println(prefix + ": " + TerminalText.escape(describe(e)));
        if (parsed.hasMatchedOption("--debug")) {
            e.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return 1;
    }

    static String describe(Throwable e) {
        if (e instanceof ConnectException) {
            // Transport names the host and port; a bare JDK message still says "refused".
            return e.getMessage() == null ? "connection refused" : e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host (" + e.getMessage() + ")";
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out: " + e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof RfbProtocolException) {
            return "protocol error: " + e.getMessage();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
