package io.vncstream.terminal.demo;

import io.vncstream.terminal.ByteSink;
import io.vncstream.terminal.TerminalSession;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A pretend serial device for the demo: it echoes what is typed, like a line discipline in cooked
 * mode (Enter gives a new prompt, Backspace rubs out), answering on a thread of its own, as a
 * network reader would.
 */
final class EchoDevice implements ByteSink {
    private static final String PROMPT = "\u001b[1;32mdemo\u001b[0m:\u001b[1;34m~\u001b[0m$ ";

    private final TerminalSession session;
    private final ExecutorService device = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "demo-echo-device");
        thread.setDaemon(true);
        return thread;
    });
    private final StringBuilder line = new StringBuilder();

    EchoDevice(TerminalSession session) {
        this.session = session;
    }

    void start(String banner) {
        device.execute(() -> output(banner + PROMPT));
    }

    @Override
    public void send(byte[] bytes) {
        byte[] copy = bytes.clone();
        device.execute(() -> echo(copy));
    }

    private void echo(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : bytes) {
            if (b == '\r' && line.toString().trim().equals("reconnect")) {
                session.accept(out.toByteArray(), 0, out.size());
                out.reset();
                line.setLength(0);
                breakAndReconnect();
            } else if (b == '\r') {
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(answer(line.toString()).getBytes(StandardCharsets.UTF_8));
                out.writeBytes(PROMPT.getBytes(StandardCharsets.UTF_8));
                line.setLength(0);
            } else if (b == 0x7f || b == '\b') {
                if (line.length() > 0) {
                    line.setLength(line.length() - 1);
                    out.writeBytes("\b \b".getBytes(StandardCharsets.US_ASCII));
                }
            } else if (b == 0x03) {
                out.writeBytes("^C\r\n".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(PROMPT.getBytes(StandardCharsets.UTF_8));
                line.setLength(0);
            } else if ((b & 0xff) >= 0x20 || b == '\t') {
                line.append((char) (b & 0xff));
                out.write(b);
            }
        }
        session.accept(out.toByteArray(), 0, out.size());
    }

    /**
     * Plays a broken connection: the stream ends in the middle of a line and of a colour
     * sequence, stays down for a moment (typing is refused with a hint), then the session is
     * reconnected to this device with a gap marker, keeping its scrollback.
     */
    private void breakAndReconnect() {
        output("\r\nconnection going down mid-line \u001b[1;3");
        session.streamEnded("demo: connection dropped");
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        session.reconnect(this, "reconnected after 2 s; output in between may be lost");
        output("\u001b[0m" + PROMPT);
    }

    /** A couple of commands, so the demo has something to scroll and find. */
    private static String answer(String command) {
        String trimmed = command.trim();
        if (trimmed.equals("seq")) {
            StringBuilder text = new StringBuilder();
            for (int i = 1; i <= 200; i++) {
                text.append(i).append("\r\n");
            }
            return text.toString();
        }
        if (trimmed.equals("colors")) {
            return DemoText.colours();
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        return "you typed: " + trimmed + "   (try: seq, colors, reconnect)\r\n";
    }

    private void output(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        session.accept(bytes, 0, bytes.length);
    }
}
