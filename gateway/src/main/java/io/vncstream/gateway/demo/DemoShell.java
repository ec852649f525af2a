package io.vncstream.gateway.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * {@code serial0}: a line-oriented shell as a serial console shows it. It echoes what is typed,
 * edits the line (Backspace, Ctrl-U, Ctrl-C, Ctrl-L; arrow keys are swallowed), and runs
 * commands through {@link DemoCommands} when Enter comes.
 */
final class DemoShell implements DemoProgram {
    static final String PROMPT = "demo$ ";
    private static final int MAX_LINE = 4096;

    private final DemoCommands commands;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private Consumer<byte[]> output = b -> { };
    private int escape;
    private boolean lastWasCr;

    DemoShell(DemoCommands commands) {
        this.commands = commands;
    }

    @Override
    public synchronized void start(Consumer<byte[]> out) {
        this.output = out;
        print("\r\nvncstream demo serial console. Type 'help' for commands.\r\n" + PROMPT);
    }

    @Override
    public synchronized void input(byte[] data) {
        for (byte b : data) {
            accept(b & 0xFF);
        }
    }

    private void accept(int c) {
        if (escape > 0) {
            // ESC [ ... final byte: the arrows and function keys a terminal sends
            escape = (escape == 1 && c == '[') || (escape == 2 && c >= 0x20 && c < 0x40) ? 2 : 0;
            return;
        }
        boolean cr = lastWasCr;
        lastWasCr = c == '\r';
        switch (c) {
            case 0x1b -> escape = 1;
            case '\r' -> enter();
            case '\n' -> {
                if (!cr) {
                    enter();
                }
            }
            case 0x7f, 0x08 -> backspace();
            case 0x03 -> {
                line.reset();
                print("^C\r\n" + PROMPT);
            }
            case 0x15 -> {
                while (line.size() > 0) {
                    backspace();
                }
            }
            case 0x0c -> print("\u001b[H\u001b[2J" + PROMPT + line.toString(StandardCharsets.UTF_8));
            case '\t' -> { }
            default -> {
                if (c >= 0x20 && line.size() < MAX_LINE) {
                    line.write(c);
                    output.accept(new byte[]{(byte) c});
                }
            }
        }
    }

    private void backspace() {
        byte[] b = line.toByteArray();
        if (b.length == 0) {
            return;
        }
        int end = b.length - 1;
        while (end > 0 && (b[end] & 0xC0) == 0x80) {
            end--;
        }
        line.reset();
        line.write(b, 0, end);
        print("\b \b");
    }

    private void enter() {
        String command = line.toString(StandardCharsets.UTF_8).trim();
        line.reset();
        print("\r\n");
        if (!command.isEmpty()) {
            commands.run(command, this::print);
        }
        print(PROMPT);
    }

    private void print(String text) {
        output.accept(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void stop() {
    }
}
