package io.vncstream.rfb.testing;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.handshake.ConnectionRefusedException;
import io.vncstream.rfb.security.AuthenticationException;
import io.vncstream.rfb.security.tls.TlsException;

import java.io.EOFException;
import java.io.IOException;

/**
 * The project's rule for bad input, as fuzz tests check it: parsing either ends normally or
 * with one of the exceptions that say what was wrong (a protocol violation, the data ending
 * early, a refusal, a failed authentication, a TLS failure), and that exception has a message. Anything else
 * escapes to Jazzer as a finding: a RuntimeException (an index out of bounds, say), an
 * OutOfMemoryError from an unchecked length, a StackOverflowError, or an AssertionError thrown
 * here. A hang is caught by the fuzz test's timeout.
 */
public final class FuzzContract {
    private FuzzContract() {
    }

    @FunctionalInterface
    public interface Parse {
        void run() throws IOException;
    }

    public static void holds(Parse parse) {
        try {
            parse.run();
        } catch (EOFException | RfbProtocolException | ConnectionRefusedException | AuthenticationException
                 | TlsException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("rejected without saying why: " + e.getClass().getName(), e);
            }
        } catch (IOException e) {
            throw new AssertionError("bad input rejected with an unexpected exception: " + e, e);
        }
    }

    /** Parses messages one after another until the input ends or is rejected. */
    public static void untilEnd(Parse oneMessage) {
        holds(() -> {
            while (true) {
                oneMessage.run();
            }
        });
    }
}
