package io.vncstream.viewer.cli;

import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code vncstream} command: in this JVM, or as its own process (for exit status and stderr). */
final class Cli {
    private Cli() {
    }

    record Outcome(int exitCode, String out, String err, long millis) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + " after " + millis + " ms; stdout: [" + out + "] stderr: [" + err + "]";
        }
    }

    /** {@code VncstreamCommand.commandLine().execute(args)} with its stdout and stderr captured. */
    static Outcome inProcess(String... args) {
        long start = System.nanoTime();
        CommandLine cmd = VncstreamCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int rc = cmd.execute(args);
        return new Outcome(rc, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
    }

    /** {@code snapshot ADDRESS OUT options...} run {@link #inProcess}. */
    static Outcome snapshot(String address, java.nio.file.Path out, String... options) {
        String[] args = new String[3 + options.length];
        args[0] = "snapshot";
        args[1] = address;
        args[2] = out.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return inProcess(args);
    }

    /**
     * {@code java -cp <this test's class path> io.vncstream.viewer.cli.VncstreamCommand args}: the
     * real main, with its real exit status and everything it writes to stderr (including any
     * logging), built from the code under test rather than a jar that may be stale.
     */
    static Outcome separateProcess(String... args) throws IOException, InterruptedException {
        return separateProcess(List.of("-Djava.awt.headless=true"), args);
    }

    /** As {@link #separateProcess(String...)} with these JVM options (e.g. none, for the GUI on $DISPLAY). */
    static Outcome separateProcess(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return separateProcess(jvmOptions, null, args);
    }

    /** As {@link #separateProcess(String...)} with {@code stdin} (or nothing, if null) as its standard input. */
    static Outcome separateProcessWithInput(String stdin, String... args) throws IOException, InterruptedException {
        return separateProcess(List.of("-Djava.awt.headless=true"), stdin, args);
    }

    /** As {@link #separateProcessWithInput(String, String...)} with these JVM options. */
    static Outcome separateProcessWithInput(List<String> jvmOptions, String stdin, String... args)
            throws IOException, InterruptedException {
        return separateProcess(jvmOptions, stdin, args);
    }

    /**
     * As {@link #separateProcess(String...)}, on a terminal of its own: util-linux {@code script}
     * runs it on a new pseudo-terminal, so {@code System.console()} is there. Once its output (the
     * terminal's, as bytes) satisfies {@code done}, {@code keys} are typed.
     */
    static Outcome onTerminal(java.util.function.Predicate<String> done, String keys, String... args)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.add("-Djava.awt.headless=true");
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        java.add(VncstreamCommand.class.getName());
        java.addAll(List.of(args));
        StringBuilder inner = new StringBuilder("stty cols 100 rows 30 2>/dev/null; exec");
        for (String a : java) {
            inner.append(" '").append(a.replace("'", "'\\''")).append('\'');
        }
        Process p = new ProcessBuilder("script", "-qefc", inner.toString(), "/dev/null")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (var in = p.getInputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (seen) {
                        seen.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.test(text(seen)) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        p.getOutputStream().write(keys.getBytes(StandardCharsets.ISO_8859_1));
        p.getOutputStream().flush();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("vncstream " + String.join(" ", args) + " on a terminal did not finish within 60 s: "
                    + text(seen));
        }
        reader.join(5000);
        p.getOutputStream().close();
        return new Outcome(p.exitValue(), text(seen), "", (System.nanoTime() - start) / 1_000_000);
    }

    private static String text(java.io.ByteArrayOutputStream seen) {
        synchronized (seen) {
            return seen.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** The real main as a process of its own, headless, its stdin and stdout pipes for the test to drive. */
    static Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Djava.awt.headless=true");
        cmd.add(VncstreamCommand.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** The gateway's real main ({@code vncstream-gateway}) as its own process, run to its end (a refusal at start-up). */
    static Outcome gatewayProcess(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return separateProcess(io.vncstream.gateway.cli.GatewayCommand.class, jvmOptions, null, args);
    }

    private static Outcome separateProcess(List<String> jvmOptions, String stdin, String... args)
            throws IOException, InterruptedException {
        return separateProcess(VncstreamCommand.class, jvmOptions, stdin, args);
    }

    private static Outcome separateProcess(Class<?> main, List<String> jvmOptions, String stdin, String... args)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path dir = Files.createTempDirectory("vncstream-cli");
        try {
            Path out = dir.resolve("out");
            Path err = dir.resolve("err");
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.addAll(jvmOptions);
            cmd.add(main.getName());
            cmd.addAll(List.of(args));
            File input = new File("/dev/null");
            if (stdin != null) {
                input = dir.resolve("in").toFile();
                Files.writeString(input.toPath(), stdin, StandardCharsets.UTF_8);
            }
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(input).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(main.getSimpleName() + " " + String.join(" ", args) + " did not finish within 60 s");
            }
            return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), (System.nanoTime() - start) / 1_000_000);
        } finally {
            for (String f : new String[] {"in", "out", "err"}) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.deleteIfExists(dir);
        }
    }
}
