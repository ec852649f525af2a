package io.vncstream.viewer.cli;

import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.devices.EndReasons;
import io.vncstream.rfb.devices.OutputListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

    @Option(names = "--force", description = "With --connect: take a pty console another client (virsh console, virt-manager) holds.")
    boolean force;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LibvirtOptions libvirt;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        CountDownLatch ended = new CountDownLatch(1);
        String[] endReason = new String[1];
        try (DeviceSession session = libvirt.isSet()
                ? LibvirtSession.open(libvirt.uri, address, true, force)
                : StreamSession.open(address, connection)) {
            DeviceCapture capture = ResumingCapture.open(session.devices(), device, new OutputListener() {
                @Override
                public void output(byte[] data) {
                    out.write(data, 0, data.length);
                    out.flush();
                }

                @Override
                public void ended(String reason) {
                    endReason[0] = reason;
                    ended.countDown();
                }
            }, 30);
            boolean terminal = System.console() != null;
            if (terminal) {
                interactive(capture, ended);
            } else {
                piped(capture, ended);
            }
            if (capture.isOpen()) {
                capture.close();
                ended.await(2, TimeUnit.SECONDS);
            }
            out.flush();
        }
        if (endReason[0] != null && EndReasons.isRemoval(endReason[0])) {
            System.err.println("vncstream console: " + device + ": " + endReason[0]);
        }
        return 0;
    }

    private void piped(DeviceCapture capture, CountDownLatch ended) throws IOException, InterruptedException {
        InputStream in = System.in;
        byte[] buf = new byte[64 * 1024];
        int n;
        while (ended.getCount() > 0 && (n = in.read(buf)) >= 0) {
            if (n > 0) {
                capture.send(Arrays.copyOf(buf, n));
            }
        }
        ended.await((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
    }

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
