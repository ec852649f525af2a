package io.vncstream.viewer.cli;

import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.devices.OutputListener;
import io.vncstream.rfb.handshake.Reason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code vncstream console ADDRESS DEVICE}: like {@code virsh console}. On a terminal, keys go
 * to the device as typed (raw mode) and Ctrl-] ends; otherwise stdin is sent as it comes and
 * output is shown for {@code --timeout} seconds after stdin ends.
 */
@Command(name = "console", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Attach to a device's console. On a terminal, Ctrl-] ends it.")
final class ConsoleCommand implements Callable<Integer> {
    private static final int ESCAPE = 0x1d;

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "As for snapshot; with --connect, a libvirt domain.")
    String address;

    @Parameters(index = "1", paramLabel = "DEVICE", description = "A name that `vncstream devices` lists.")
    String device;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "2",
            description = "When stdin is not a terminal: keep showing output this long after it ends (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--force", description = "With --connect: take a pty console another client (virsh console, virt-manager) holds,"
            + " or open the guest agent's channel, which libvirt uses.")
    boolean force;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LibvirtOptions libvirt;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<String> endReason = new AtomicReference<>();
        boolean terminal = System.console() != null;
        boolean endedByServer;
        try (DeviceSession session = libvirt.isSet()
                ? LibvirtSession.open(libvirt.uri, address, true, force)
                : StreamSession.open(address, connection)) {
            DeviceCapture capture = ResumingCapture.open(session.devices(), device, new OutputListener() {
                /** Only on a terminal: a pipe answers nothing. Delivery thread. */
                private final TerminalQueries queries = new TerminalQueries();

                @Override
                public void replayed(byte[] data) {
                    // The replay's queries were asked long ago; the user's terminal must not answer them.
                    show(terminal ? queries.filter(data, 0, data.length) : data);
                }

                @Override
                public void output(byte[] data) {
                    show(terminal && queries.inSequence() ? queries.finish(data, 0, data.length) : data);
                }

                private void show(byte[] data) {
                    out.write(data, 0, data.length);
                    out.flush();
                }

                @Override
                public void ended(String reason) {
                    endReason.set(reason);
                    ended.countDown();
                }
            }, 30);
            if (terminal) {
                interactive(capture, ended);
            } else {
                piped(capture, ended);
            }
            endedByServer = endReason.get() != null;
            if (capture.isOpen()) {
                capture.close();
                ended.await(2, TimeUnit.SECONDS);
            }
            out.flush();
        }
        if (endedByServer) {
            // Ended before we ended it: the device went away or the connection was lost.
            throw new IOException(device + ": " + Reason.clean(endReason.get()));
        }
        return 0;
    }

    private void piped(DeviceCapture capture, CountDownLatch ended) throws IOException, InterruptedException {
        // stdin is read on a thread of its own: a connection lost while stdin stays open ends at once.
        Thread input = new Thread(() -> {
            byte[] buf = new byte[64 * 1024];
            try {
                int n;
                while (ended.getCount() > 0 && (n = System.in.read(buf)) >= 0) {
                    if (n > 0) {
                        capture.send(Arrays.copyOf(buf, n));
                    }
                }
            } catch (IOException e) {
                // stdin closed
            }
            stdinEnded.countDown();
        }, "console stdin");
        input.setDaemon(true);
        input.start();
        while (ended.getCount() > 0 && !stdinEnded.await(100, TimeUnit.MILLISECONDS)) {
            // waiting for stdin's end or the capture's
        }
        ended.await((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
    }

    private final CountDownLatch stdinEnded = new CountDownLatch(1);

    private void interactive(DeviceCapture capture, CountDownLatch ended) throws IOException, InterruptedException {
        System.err.println("Connected to " + device + " (escape character is ^])");
        RawTerminal raw = RawTerminal.enter();
        try {
            Thread keys = new Thread(() -> {
                byte[] buf = new byte[1024];
                try {
                    int n;
                    while ((n = System.in.read(buf)) >= 0) {
                        for (int i = 0; i < n; i++) {
                            if (buf[i] == ESCAPE) {
                                if (i > 0) {
                                    capture.send(Arrays.copyOf(buf, i));
                                }
                                ended.countDown();
                                return;
                            }
                        }
                        capture.send(Arrays.copyOf(buf, n));
                    }
                } catch (IOException e) {
                    // stdin closed
                }
                ended.countDown();
            }, "console keys");
            keys.setDaemon(true);
            keys.start();
            ended.await();
        } finally {
            raw.close();
            System.err.println();
        }
    }
}
