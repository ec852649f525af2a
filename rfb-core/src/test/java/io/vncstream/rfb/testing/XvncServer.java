package io.vncstream.rfb.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TigerVNC's {@code Xvnc} on a free display, listening on 127.0.0.1 only, with helpers that put
 * real content on its screen (a fractal background, an xterm with coloured text, flat areas)
 * and read back the server's own framebuffer with {@code xwd} as ground truth.
 *
 * <pre>{@code
 * try (XvncServer x = XvncServer.builder().depth(16).start()) {
 *     x.background(); x.colouredTerminal(); x.waitUntilStable();
 *     x.referencePng(dir.resolve("ref.png"));
 * }
 * }</pre>
 *
 * Every program it starts is ended, with its children, on {@link #close}.
 */
public final class XvncServer implements AutoCloseable {
    private static final int FIRST_DISPLAY = 20;
    private static final int LAST_DISPLAY = 99;
    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final Duration TOOL = Duration.ofSeconds(30);

    private final int display;
    private final int width;
    private final int height;
    private final int depth;
    private final Path dir;
    private final Path log;
    private final Path passwordFile;
    private final Process xvnc;
    private final List<Process> clients = new ArrayList<>();
    private final List<int[]> flatAreas = new ArrayList<>();
    private boolean fractal;

    private XvncServer(int display, Builder b, Path dir, Path passwordFile, Process xvnc, Path log) {
        this.display = display;
        this.width = b.width;
        this.height = b.height;
        this.depth = b.depth;
        this.dir = dir;
        this.passwordFile = passwordFile;
        this.xvnc = xvnc;
        this.log = log;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How the server is started. */
    public static final class Builder {
        private int depth = 24;
        private int width = 640;
        private int height = 480;
        private String password;
        private boolean unixSocket;
        private String securityTypes;
        private TestCertificates.Pair x509;
        private int display = -1;

        /** 24, 16 or 8 (TigerVNC 1.12's Xvnc refuses 8: "Couldn't add screen"). */
        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        public Builder geometry(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /** Security type VncAuth with this password (a {@code vncpasswd -f} file); otherwise None. */
        public Builder vncAuth(String password) {
            this.password = password;
            return this;
        }

        /** Also listen on a unix socket ({@code -rfbunixpath}, in the server's directory: {@link #unixSocket()}). */
        public Builder unixSocket() {
            this.unixSocket = true;
            return this;
        }

        /**
         * TigerVNC's {@code -SecurityTypes} list as given ("X509Vnc,X509None,TLSVnc,TLSNone"), with
         * the server certificate for the X509 types (null for anonymous TLS only); the *Vnc types
         * need {@link #vncAuth} too.
         */
        public Builder securityTypes(String types, TestCertificates.Pair certificate) {
            this.securityTypes = types;
            this.x509 = certificate;
            return this;
        }

        /**
         * This display (and port 5900 + it) only: a server started again where a stopped one was
         * (its viewers reconnect to the same port). Waits up to 10 s for the old one's locks to go.
         */
        public Builder display(int display) {
            this.display = display;
            return this;
        }

        /** Starts Xvnc, or skips the test (fails it in CI) when the programs are missing. */
        public XvncServer start() throws IOException, InterruptedException {
            String xvnc = TestPeers.requireProgram("Xvnc", "tigervnc-standalone-server");
            if (password != null) {
                TestPeers.requireProgram("vncpasswd", "tigervnc-tools");
            }
            Path dir = Files.createTempDirectory("xvnc-test");
            try {
                Path pwFile = password == null ? null : makePasswordFile(dir, password);
                if (display >= 0) {
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (!displayFree(display) && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    return launch(xvnc, display, dir, pwFile);
                }
                int span = LAST_DISPLAY - FIRST_DISPLAY + 1;
                int offset = ThreadLocalRandom.current().nextInt(span);
                IOException last = null;
                for (int i = 0; i < span; i++) {
                    int n = FIRST_DISPLAY + (offset + i) % span;
                    if (!displayFree(n)) {
                        continue;
                    }
                    try {
                        return launch(xvnc, n, dir, pwFile);
                    } catch (IOException e) {
                        last = e; // another test took it between the check and the start: try the next one
                    }
                }
                throw new IOException("no free X display in :" + FIRST_DISPLAY + "..:" + LAST_DISPLAY, last);
            } catch (IOException | InterruptedException | RuntimeException | Error e) {
                Processes.deleteTree(dir);
                throw e;
            }
        }

        private XvncServer launch(String program, int n, Path dir, Path pwFile) throws IOException, InterruptedException {
            Path log = dir.resolve("Xvnc-" + n + ".log");
            List<String> cmd = new ArrayList<>(List.of(program, ":" + n,
                    "-geometry", width + "x" + height, "-depth", Integer.toString(depth),
                    "-rfbport", Integer.toString(5900 + n), "-interface", "127.0.0.1",
                    "-desktop", "vncstream-test", "-nolisten", "tcp"));
            if (unixSocket) {
                cmd.addAll(List.of("-rfbunixpath", dir.resolve("vnc.sock").toString()));
            }
            if (securityTypes != null) {
                cmd.addAll(List.of("-SecurityTypes", securityTypes));
                if (pwFile != null) {
                    cmd.addAll(List.of("-rfbauth", pwFile.toString()));
                }
                if (x509 != null) {
                    cmd.addAll(List.of("-X509Cert", x509.cert().toString(), "-X509Key", x509.key().toString()));
                }
            } else if (pwFile == null) {
                cmd.addAll(List.of("-SecurityTypes", "None"));
            } else {
                cmd.addAll(List.of("-SecurityTypes", "VncAuth", "-rfbauth", pwFile.toString()));
            }
            Process p = Processes.start(Map.of(), dir, log, cmd);
            XvncServer server = new XvncServer(n, this, dir, pwFile, p, log);
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IOException("Xvnc :" + n + " exited with status " + p.exitValue() + ":\n"
                            + Processes.tail(log));
                }
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && Processes.accepts(5900 + n)) {
                    return server;
                }
                Thread.sleep(50);
            }
            Processes.killTree(p.toHandle());
            throw new IOException("Xvnc :" + n + " did not accept connections within " + STARTUP.toSeconds()
                    + " s:\n" + Processes.tail(log));
        }

        private static boolean displayFree(int n) {
            return !Files.exists(Path.of("/tmp/.X" + n + "-lock")) && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))
                    && Processes.portFree(5900 + n);
        }

        private static Path makePasswordFile(Path dir, String password) throws IOException, InterruptedException {
            Path in = dir.resolve("password.txt");
            Path out = dir.resolve("passwd");
            Files.writeString(in, password + "\n", StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("vncpasswd", "-f").redirectInput(in.toFile())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int rc = p.waitFor();
            Files.delete(in);
            if (rc != 0 || Files.size(out) != 8) {
                throw new IOException("vncpasswd -f failed (status " + rc + ", " + Files.size(out) + " bytes)");
            }
            return out;
        }
    }

    public int display() {
        return display;
    }

    public int port() {
        return 5900 + display;
    }

    /** The address in the form {@code vncstream} takes: {@code 127.0.0.1::PORT}. */
    public String address() {
        return "127.0.0.1::" + port();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int depth() {
        return depth;
    }

    /** The {@code vncpasswd -f} file the server checks passwords against, or null for security type None. */
    public Path passwordFile() {
        return passwordFile;
    }

    /** The unix socket {@link Builder#unixSocket()} makes it listen on (it exists only if asked for). */
    public Path unixSocket() {
        return dir.resolve("vnc.sock");
    }

    /** A scratch directory removed on close. */
    public Path dir() {
        return dir;
    }

    private Map<String, String> env() {
        return Map.of("DISPLAY", ":" + display, "LANG", "C", "LC_ALL", "C");
    }

    /** Sets the root window to a fractal plasma (fixed seed, so the same picture every run). */
    public XvncServer background() throws IOException, InterruptedException {
        fractal = true;
        paintRoot();
        return this;
    }

    /** Adds a flat rectangle of one colour (0xRRGGBB) to the root window's picture. */
    public XvncServer flatArea(int x, int y, int w, int h, int rgb) throws IOException, InterruptedException {
        flatAreas.add(new int[] {x, y, w, h, rgb});
        paintRoot();
        return this;
    }

    private void paintRoot() throws IOException, InterruptedException {
        TestPeers.requireProgram("convert", "imagemagick");
        TestPeers.requireProgram("display", "imagemagick");
        Path png = dir.resolve("root.png");
        List<String> cmd = new ArrayList<>(List.of("convert", "-seed", "42", "-size", width + "x" + height,
                fractal ? "plasma:fractal" : "xc:black"));
        for (int[] a : flatAreas) {
            cmd.addAll(List.of("-fill", String.format("#%06x", a[4] & 0xFFFFFF), "-draw",
                    "rectangle " + a[0] + "," + a[1] + " " + (a[0] + a[2] - 1) + "," + (a[1] + a[3] - 1)));
        }
        cmd.add("png24:" + png);
        Processes.check(TOOL, Map.of(), dir, cmd.toArray(String[]::new));
        // display exits with status 1 after setting the root window's background, so its status
        // says nothing; the xwd reference and waitUntilStable show whether it worked.
        Processes.Result r = Processes.run(TOOL, env(), dir, List.of("display", "-window", "root", png.toString()));
        if (r.exitCode() > 1) {
            throw new IOException("display -window root failed (" + r.exitCode() + "): " + r.output());
        }
    }

    /**
     * Opens an xterm at (x, y) that shows coloured text: ANSI colours from printf and the output
     * of {@code ls --color=always} on a directory of known files, then waits (its text stays).
     */
    public XvncServer colouredTerminal(int x, int y) throws IOException, InterruptedException {
        Path listing = dir.resolve("listing");
        Files.createDirectories(listing.resolve("a-directory"));
        Files.writeString(listing.resolve("plain.txt"), "text\n");
        Path script = listing.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\necho run\n");
        script.toFile().setExecutable(true);
        Files.writeString(listing.resolve("archive.tar"), "");
        Path link = listing.resolve("link-to-plain");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, Path.of("plain.txt"));
        }
        String shell = "printf '\\033[31mred \\033[32mgreen \\033[33myellow \\033[1;34mbold blue"
                + " \\033[0;45mmagenta background\\033[0m\\n'; ls --color=always;"
                + " printf '\\033[7m reverse video \\033[0m done'; exec sleep 100000";
        return xterm(x, y, 60, 12, listing, shell);
    }

    /** Runs {@code shellCommand} in an xterm of cols x rows at (x, y), white on black, no scrollbar. */
    public XvncServer xterm(int x, int y, int cols, int rows, Path workDir, String shellCommand)
            throws IOException, InterruptedException {
        String xterm = TestPeers.requireProgram("xterm", "xterm");
        String title = "vncstream-test-" + clients.size();
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("LS_COLORS", "di=01;34:ln=01;36:ex=01;32:*.tar=01;31");
        env.put("TERM", "xterm");
        Process p = Processes.start(env, workDir, dir.resolve(title + ".log"),
                List.of(xterm, "-T", title, "-geometry", cols + "x" + rows + "+" + x + "+" + y,
                        "-bg", "black", "-fg", "white", "+sb", "-e", "sh", "-c", shellCommand));
        clients.add(p);
        if (TestPeers.findOnPath("xdotool") != null) {
            // Wait until the window is on the screen, so that waitUntilStable does not see the
            // empty desktop twice before the xterm appears.
            Processes.run(Duration.ofSeconds(15), env(), dir,
                    List.of("xdotool", "search", "--sync", "--onlyvisible", "--name", title));
        }
        return this;
    }

    /**
     * Waits until two consecutive {@code xwd} captures, a quarter of a second apart, are equal:
     * the programs have finished drawing.
     */
    public XvncServer waitUntilStable() throws IOException, InterruptedException {
        return waitUntilStable(Duration.ofSeconds(30));
    }

    public XvncServer waitUntilStable(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] previous = capture();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            byte[] now = capture();
            if (Arrays.equals(previous, now)) {
                return this;
            }
            previous = now;
        }
        throw new IOException("the screen of Xvnc :" + display + " did not settle within " + timeout.toSeconds() + " s");
    }

    private byte[] capture() throws IOException, InterruptedException {
        TestPeers.requireProgram("xwd", "x11-apps");
        Path xwd = dir.resolve("capture.xwd");
        Processes.check(TOOL, env(), dir, "xwd", "-root", "-silent", "-out", xwd.toString());
        return Files.readAllBytes(xwd);
    }

    /** Writes the server's own framebuffer as PNG: {@code xwd -root -silent | convert xwd:- png}. */
    public Path referencePng(Path png) throws IOException, InterruptedException {
        TestPeers.requireProgram("xwd", "x11-apps");
        TestPeers.requireProgram("convert", "imagemagick");
        Path xwd = dir.resolve("reference.xwd");
        Processes.check(TOOL, env(), dir, "xwd", "-root", "-silent", "-out", xwd.toString());
        Files.createDirectories(png.toAbsolutePath().getParent());
        Processes.check(TOOL, Map.of(), dir, "convert", "xwd:" + xwd, "png24:" + png.toAbsolutePath());
        return png;
    }

    /** Xvnc's log so far, for failure messages. */
    public String logTail() {
        return Processes.tail(log);
    }

    @Override
    public void close() {
        for (Process p : clients) {
            Processes.killTree(p.toHandle());
        }
        Processes.killTree(xvnc.toHandle());
        Processes.deleteTree(dir);
    }

    @Override
    public String toString() {
        return "Xvnc :" + display + " (" + width + "x" + height + ", depth " + depth
                + (passwordFile != null ? ", VncAuth" : "") + ")";
    }
}
