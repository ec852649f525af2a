package io.vncstream.viewer.cli;

import java.io.IOException;

/** Puts the controlling terminal in raw mode (no echo, no line editing, no signals) and back, with stty. */
final class RawTerminal implements AutoCloseable {
    private final String saved;

    private RawTerminal(String saved) {
        this.saved = saved;
    }

    static RawTerminal enter() throws IOException, InterruptedException {
        String saved = stty("-g").trim();
        stty("raw -echo");
        return new RawTerminal(saved);
    }

    @Override
    public void close() {
        try {
            stty(saved);
        } catch (IOException | InterruptedException e) {
            System.err.println("vncstream console: could not restore the terminal (run `reset`): " + e.getMessage());
        }
    }

    private static String stty(String args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", "stty " + args + " < /dev/tty").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("stty " + args + ": " + out.trim());
        }
        return out;
    }
}
