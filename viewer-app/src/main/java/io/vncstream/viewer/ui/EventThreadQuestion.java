package io.vncstream.viewer.ui;

import io.vncstream.rfb.security.AuthenticationException;

import javax.swing.SwingUtilities;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Asks the user from a connection's thread: the modal dialog runs on the event dispatch thread,
 * which Swing requires, while the handshake waits for the answer (at once when already there).
 */
final class EventThreadQuestion {
    private EventThreadQuestion() {
    }

    /**
     * {@code question} names it for the errors ("for the password"): an
     * interrupted wait is an {@link AuthenticationException}, a dialog that failed an
     * {@link IOException}; neither shows a stack trace to the user.
     */
    static <T> T ask(Supplier<T> dialog, String question) throws IOException {
        if (SwingUtilities.isEventDispatchThread()) {
            return dialog.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(dialog.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationException("interrupted while asking " + question);
        } catch (InvocationTargetException e) {
            throw new IOException("could not ask " + question + ": " + e.getCause(), e.getCause());
        }
        return result.get();
    }
}
