package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.io.Transport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway as its own process (vncstream-gateway's main, on this test's class path): for a
 * small -Xmx, a SIGTERM, a descriptor limit, its RSS and its log as a user sees them.
 */
final class GatewayProcess implements AutoCloseable {
    final int port;
    final Process process;
    final Path log;

    private GatewayProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code vncstream-gateway --listen 127.0.0.1:PORT ARGS} and waits until it accepts connections. */
    static GatewayProcess start(Path dir, List<String> jvmOptions, String... args) throws Exception {
        return start(dir, 0, jvmOptions, args);
    }

    /** As {@link #start(Path, List, String...)}, with at most {@code maxFiles} descriptors (ulimit -n) when above 0. */
    static GatewayProcess start(Path dir, int maxFiles, List<String> jvmOptions, String... args) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        return start(dir, maxFiles, jvmOptions, "127.0.0.1:" + port, port, () -> {
            new Socket("127.0.0.1", port).close();
        }, args);
    }

    /** {@code vncstream-gateway --listen unix:SOCKET ARGS}, once it accepts connections there ({@link #port} is -1). */
    static GatewayProcess startOnUnixSocket(Path dir, Path socket, List<String> jvmOptions, String... args) throws Exception {
        return start(dir, 0, jvmOptions, "unix:" + socket, -1, () -> {
            Transport.connectUnix(socket, Duration.ofSeconds(1)).close();
        }, args);
    }

    /** Whether the gateway accepts connections yet. */
    @FunctionalInterface
    private interface Probe {
        void connect() throws IOException;
    }

    private static GatewayProcess start(Path dir, int maxFiles, List<String> jvmOptions, String listen, int port,
                                        Probe accepting, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (maxFiles > 0) {
            command.addAll(List.of("bash", "-c", "ulimit -n " + maxFiles + " && exec \"$@\"", "bash"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GatewayCommand.class.getName());
        command.add("--listen");
        command.add(listen);
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "gateway", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GatewayProcess g = new GatewayProcess(port, p, log);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                accepting.connect();
                return g;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > end) {
                    g.close();
                    throw new AssertionError("the gateway did not start: " + g.logText());
                }
                Thread.sleep(100);
            }
        }
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    /** CPU time the process has used (user + system), in milliseconds. */
    long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name; in clock ticks (100 Hz).
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /** Resident set size from /proc, in KiB. */
    long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + process.pid());
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
