package io.vncstream.viewer.cli;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.testing.Processes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vncstream-gateway} as a process of its own (its real main on this test's class path),
 * listening on a free loopback port, its stdout and stderr (the log) in a file.
 */
final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    private GatewayProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts it with {@code args} and waits (up to {@code startup}) until it accepts viewers. */
    static GatewayProcess start(Path log, List<String> jvmOptions, Duration startup, String... args) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = probe.getLocalPort();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(jvmOptions);
        cmd.add(GatewayCommand.class.getName());
        cmd.addAll(List.of("--listen", "127.0.0.1:" + port));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GatewayProcess g = new GatewayProcess(p, log, port);
        long end = System.nanoTime() + startup.toNanos();
        while (!Processes.accepts(port)) {
            if (!p.isAlive() || System.nanoTime() > end) {
                g.close();
                throw new AssertionError("the gateway did not start:\n" + g.log());
            }
            Thread.sleep(100);
        }
        return g;
    }

    /** Where viewers connect: {@code 127.0.0.1::PORT}. */
    String address() {
        return "127.0.0.1::" + port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        Processes.killTree(process.toHandle());
    }
}
