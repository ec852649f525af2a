package io.vncstream.libvirt.host;

import io.vncstream.rfb.io.Transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * This machine. Programs run with {@code LC_ALL=C} (virsh's messages are matched in English);
 * a terminal comes from util-linux {@code script}, which allocates a pseudo-terminal for the
 * program without any native code here.
 */
public final class LocalHost implements CommandHost {
    @Override
    public CommandResult run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process p = builder(command).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CommandOutput.readAll(p.getInputStream());
        CompletableFuture<byte[]> err = CommandOutput.readAll(p.getErrorStream());
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill(p.toHandle());
            throw new IOException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s: "
                    + String.join(" ", command));
        }
        try {
            return new CommandResult(p.exitValue(), CommandOutput.text(out.get(5, TimeUnit.SECONDS)), CommandOutput.text(err.get(5, TimeUnit.SECONDS)));
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(command.get(0) + ": its output could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public RunningCommand start(List<String> command, boolean terminal) throws IOException {
        List<String> argv = command;
        if (terminal) {
            // -q quiet, -f flush each write, -e the program's exit status, -c the command; no typescript file.
            argv = List.of("script", "-qfec", ShellQuote.join(command), "/dev/null");
        }
        ProcessBuilder pb = builder(argv);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        return new LocalCommand(p);
    }

    @Override
    public Transport connectUnix(String path, Duration timeout) throws IOException {
        return Transport.unix(Path.of(path), timeout);
    }

    @Override
    public Transport connectTcp(String host, int port, Duration timeout) throws IOException {
        return Transport.tcp(host, port, timeout);
    }

    @Override
    public String name() {
        return "this machine";
    }

    @Override
    public String user() {
        return System.getProperty("user.name");
    }

    private static ProcessBuilder builder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("LANGUAGE");
        return pb;
    }



    static void kill(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        root.descendants().forEach(all::add);
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    private record LocalCommand(Process process) implements RunningCommand {
        @Override
        public InputStream output() {
            return process.getInputStream();
        }

        @Override
        public OutputStream input() {
            return process.getOutputStream();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                kill(process.toHandle());
            }
        }
    }
}
