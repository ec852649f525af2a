package io.vncstream.rfb.testing;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny real virtual machine under QEMU (see {@link TinyVmImage}): QEMU serves its screen over
 * VNC on 127.0.0.1, its serial port (a busybox shell) on the unix socket chardev {@link #SERIAL_ID},
 * and QMP on another unix socket. {@link #boot()} returns once the shell has answered.
 *
 * <p>QEMU emulates the CPU ({@code -accel tcg}) unless the system property
 * {@code vncstream.test.accel} says otherwise: the boot takes a few seconds that way, while KVM
 * nested in a VM (as on the machines these tests were written on) hung before the first line.
 */
public final class TinyVm implements AutoCloseable {
    /** The chardev id of the serial port, as {@code query-chardev} labels it. */
    public static final String SERIAL_ID = "ser0";

    private static final Duration STARTUP = Duration.ofSeconds(20);
    private static final Duration SHELL = Duration.ofSeconds(120);
    private static final AtomicInteger COMMANDS = new AtomicInteger();

    private final Path dir;
    private final Process qemu;
    private final Path log;
    private final int vncDisplay;
    private final long startNanos;
    private SerialConsole serial;
    private volatile QmpConnection qmp;
    private long markerNanos;
    private long shellNanos;
    /** Set once {@link #restart} has handed the directory to the new VM. */
    private volatile boolean handedOver;

    private TinyVm(Path dir, Process qemu, Path log, int vncDisplay, long startNanos) {
        this.dir = dir;
        this.qemu = qemu;
        this.log = log;
        this.vncDisplay = vncDisplay;
        this.startNanos = startNanos;
    }

    /** Boots a VM and waits for its shell; skips, or fails in CI, without QEMU or busybox-static. */
    public static TinyVm boot() throws IOException, InterruptedException {
        return boot("", List.of());
    }

    /**
     * As {@link #boot()}, with {@code vncOptions} appended to the main {@code -vnc 127.0.0.1:N}
     * (",tls-creds=tls0,password=on") and {@code extraArgs} added to QEMU's command line
     * ({@code -object tls-creds-x509,...}, a second {@code -vnc}).
     */
    public static TinyVm boot(String vncOptions, List<String> extraArgs) throws IOException, InterruptedException {
        return boot(vncOptions, extraArgs, true);
    }

    /**
     * As {@link #boot()}, with XVP power control on QEMU's VNC server ({@code power-control=on})
     * and without {@code -no-reboot}, so that a reset resets the VM instead of ending QEMU.
     */
    public static TinyVm bootWithPowerControl() throws IOException, InterruptedException {
        return boot(",power-control=on", List.of(), false);
    }

    private static TinyVm boot(String vncOptions, List<String> extraArgs, boolean noReboot)
            throws IOException, InterruptedException {
        String program = TestPeers.requireProgram("qemu-system-x86_64", "qemu-system-x86");
        Path kernel = TinyVmImage.kernel();
        Path initrd = TinyVmImage.initramfs();
        Path dir = Files.createTempDirectory("tinyvm");
        TinyVm vm = null;
        try {
            IOException last = null;
            for (int attempt = 0; attempt < 8 && vm == null; attempt++) {
                int n = 30 + ThreadLocalRandom.current().nextInt(70);
                if (Processes.portFree(5900 + n)) {
                    try {
                        vm = start(program, kernel, initrd, dir, n, vncOptions, extraArgs, true, noReboot);
                    } catch (IOException e) {
                        if (!String.valueOf(e.getMessage()).contains("available port")) {
                            throw e;
                        }
                        last = e; // the port was taken in between: try another display
                    }
                }
            }
            if (vm == null) {
                throw new IOException("QEMU did not start", last);
            }
            vm.waitForShell();
            return vm;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            if (vm != null) {
                vm.close();
            } else {
                Processes.deleteTree(dir);
            }
            throw e;
        }
    }

    /**
     * Kills QEMU, waits {@code down}, and starts a new QEMU on the same sockets and VNC display,
     * as a VM that crashed and was started again. The test kit does not attach to the new serial
     * port (a gateway may be waiting for it to come back, and QEMU drops what it prints while
     * no one is attached) and does not wait for the boot. The new VM owns the directory now;
     * close both.
     */
    public TinyVm restart(Duration down) throws IOException, InterruptedException {
        releaseSerial();
        Processes.killTree(qemu.toHandle());
        qemu.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        if (qmp != null) {
            qmp.close();
        }
        handedOver = true;
        Thread.sleep(down.toMillis());
        String program = TestPeers.requireProgram("qemu-system-x86_64", "qemu-system-x86");
        return start(program, TinyVmImage.kernel(), TinyVmImage.initramfs(), dir, vncDisplay, "", List.of(), false, true);
    }

    private static TinyVm start(String program, Path kernel, Path initrd, Path dir, int n, String vncOptions,
                                List<String> extraArgs, boolean attachSerial, boolean noReboot)
            throws IOException, InterruptedException {
        Path ser = dir.resolve("SER.sock");
        Path qmp = dir.resolve("QMP.sock");
        Files.deleteIfExists(ser);
        Files.deleteIfExists(qmp);
        Path spareQmp = dir.resolve("QMP-spare.sock");
        Files.deleteIfExists(spareQmp);
        Path log = dir.resolve("qemu-" + n + ".log");
        List<String> cmd = new java.util.ArrayList<>(List.of(program, "-m", "256", "-accel", System.getProperty("vncstream.test.accel", "tcg"),
                "-kernel", kernel.toString(), "-initrd", initrd.toString(),
                // no blinking cursor on the VGA console: a still picture to compare
                "-append", "console=tty0 console=ttyS0 vt.global_cursor_default=0",
                "-vnc", "127.0.0.1:" + n + vncOptions,
                "-chardev", "socket,id=" + SERIAL_ID + ",path=" + ser + ",server=on,wait=off",
                "-serial", "chardev:" + SERIAL_ID,
                // One QMP monitor for the test kit (stdio: never mistaken for a device) and a
                // socket one for a gateway's --qmp; a socket monitor serves one client at a time.
                "-qmp", "stdio",
                "-qmp", "unix:" + qmp + ",server=on,wait=off",
                // A monitor nobody here uses, as libvirt keeps one of its own: a gateway must not
                // offer it as a device although it is a server socket like the serial port's.
                "-qmp", "unix:" + spareQmp + ",server=on,wait=off",
                "-display", "none", "-nodefaults", "-vga", "std"));
        if (noReboot) {
            cmd.add("-no-reboot");
        }
        cmd.addAll(extraArgs);
        long start = System.nanoTime();
        // QEMU's stdin and stdout carry the test kit's QMP monitor; its messages go to the log.
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        TinyVm vm = new TinyVm(dir, p, log, n, start);
        // QEMU outlives a test JVM that ends without close() (EOF on its stdio does not stop it).
        Thread reaper = new Thread(() -> Processes.killTree(p.toHandle()), "tinyvm reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        p.onExit().thenRun(() -> {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing to undo
            }
        });
        try {
            vm.qmp = QmpConnection.overStdio(p, Duration.ofSeconds(20));
            long deadline = start + STARTUP.toNanos();
            while (System.nanoTime() < deadline) {
                vm.checkAlive();
                if (Files.exists(ser) && Files.exists(qmp) && Processes.accepts(5900 + n)) {
                    if (attachSerial) {
                        vm.serial = SerialConsole.connect(ser);
                    }
                    return vm;
                }
                Thread.sleep(20);
            }
            throw new IOException("QEMU did not open its VNC port and sockets within " + STARTUP.toSeconds() + " s:\n"
                    + Processes.tail(log));
        } catch (IOException | InterruptedException | RuntimeException e) {
            boolean exited = p.waitFor(1, java.util.concurrent.TimeUnit.SECONDS);
            Processes.killTree(p.toHandle());
            if (vm.qmp != null) {
                vm.qmp.close();
            }
            if (exited && e instanceof IOException) {
                throw new IOException("QEMU exited with status " + p.exitValue() + ":\n" + Processes.tail(log), e);
            }
            throw e;
        }
    }

    /** Waits for the init marker, then types {@code echo} of a sum until its value comes back. */
    private void waitForShell() throws IOException, InterruptedException {
        serial.await(TinyVmImage.MARKER, 0, SHELL, this::checkAlive);
        markerNanos = System.nanoTime();
        int from = serial.length();
        long deadline = System.nanoTime() + SHELL.toNanos();
        while (serial.text().indexOf("tiny42vm", from) < 0) {
            // The typed line echoes as "tiny$((40+2))vm": only the shell's answer contains tiny42vm.
            serial.type("echo tiny$((40+2))vm\n");
            try {
                serial.await("tiny42vm", from, Duration.ofSeconds(2), this::checkAlive);
            } catch (IOException e) {
                checkAlive();
                if (System.nanoTime() > deadline) {
                    throw new IOException("the serial shell did not answer within " + SHELL.toSeconds() + " s", e);
                }
            }
        }
        shellNanos = System.nanoTime();
    }

    private void checkAlive() throws IOException {
        if (!qemu.isAlive()) {
            throw new IOException("QEMU exited with status " + qemu.exitValue() + ":\n" + Processes.tail(log));
        }
    }

    /**
     * Runs a shell command on the serial console and waits until it has finished; returns what
     * the console printed meanwhile (the command's echo included).
     */
    public String run(String command, Duration timeout) throws IOException, InterruptedException {
        requireSerial();
        int n = 1000 + COMMANDS.incrementAndGet();
        int from = serial.length();
        // The echo of the typed line shows "$((n-1+1))"; only the finished command prints the number.
        serial.type(command + "; echo done-$((" + (n - 1) + "+1))-done\n");
        int end = serial.await("done-" + n + "-done", from, timeout, this::checkAlive);
        return serial.text().substring(from, end);
    }

    /** Prints lines of text on the VGA console (the picture VNC serves), then waits until it is still. */
    public BufferedImage showOnScreen(String... lines) throws IOException, InterruptedException {
        StringBuilder cmd = new StringBuilder("printf '\\n");
        for (String line : lines) {
            if (line.contains("'") || line.contains("%") || line.contains("\\")) {
                throw new IllegalArgumentException("keep ' % and \\ out of screen text: " + line);
            }
            cmd.append(line).append("\\n");
        }
        run(cmd.append("' > /dev/tty0").toString(), Duration.ofSeconds(20));
        return waitUntilScreenStable(Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /**
     * Closes the test kit's connection to the serial socket: QEMU's socket chardev serves one
     * client at a time, so a gateway can attach only after this. {@link #run} is then unavailable.
     */
    public void releaseSerial() {
        if (serial != null) {
            serial.close();
            serial = null;
        }
    }

    private void requireSerial() {
        if (serial == null) {
            throw new IllegalStateException("the serial console was released to another client");
        }
    }

    /** Everything the serial console printed while the test kit held it. */
    public String serialOutput() {
        requireSerial();
        return serial.text();
    }

    public int vncPort() {
        return 5900 + vncDisplay;
    }

    /** The address in the form {@code vncstream} takes: {@code 127.0.0.1::PORT}. */
    public String vncAddress() {
        return "127.0.0.1::" + vncPort();
    }

    public Path serialSocket() {
        return dir.resolve("SER.sock");
    }

    /** A QMP monitor's unix socket for a client under test (one client at a time). */
    public Path qmpSocket() {
        return dir.resolve("QMP.sock");
    }

    /** A scratch directory removed with the VM (for hot-plugged chardevs' sockets, say). */
    public Path dir() {
        return dir;
    }

    /** From starting QEMU to the init marker on the serial console. */
    public Duration timeToMarker() {
        return Duration.ofNanos(markerNanos - startNanos);
    }

    /** From starting QEMU to the shell's first answer. */
    public Duration timeToShell() {
        return Duration.ofNanos(shellNanos - startNanos);
    }

    /** The test kit's own QMP connection (QEMU's stdin and stdout), so that {@link #qmpSocket()} stays free. */
    public QmpConnection qmp() {
        return qmp;
    }

    /**
     * Hot-plugs a unix socket chardev ({@code server=on,wait=off}) with this id; returns its
     * socket's path.
     */
    public Path chardevAdd(String id) throws IOException {
        Path socket = dir.resolve(id + ".sock");
        qmp().executeOk("{\"execute\":\"chardev-add\",\"arguments\":{\"id\":" + QmpConnection.quote(id)
                + ",\"backend\":{\"type\":\"socket\",\"data\":{\"addr\":{\"type\":\"unix\",\"data\":{\"path\":"
                + QmpConnection.quote(socket.toString()) + "}},\"server\":true,\"wait\":false}}}}");
        return socket;
    }

    public void chardevRemove(String id) throws IOException {
        qmp().executeOk("{\"execute\":\"chardev-remove\",\"arguments\":{\"id\":" + QmpConnection.quote(id) + "}}");
    }

    /** The {@code query-chardev} answer, as QEMU sends it. */
    public String queryChardev() throws IOException {
        return qmp().executeOk("{\"execute\":\"query-chardev\"}");
    }

    /** The VM's display now, as QEMU has it (QMP screendump). */
    public BufferedImage screendump() throws IOException {
        Path ppm = Files.createTempFile(dir, "screendump", ".ppm");
        try {
            qmp().screendump(ppm);
            return Ppm.read(ppm);
        } finally {
            Files.deleteIfExists(ppm);
        }
    }

    /** {@link #screendump()} written as PNG. */
    public Path screendump(Path png) throws IOException {
        BufferedImage image = screendump();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
        return png;
    }

    /** Takes screendumps {@code interval} apart until two in a row are equal; returns the last. */
    public BufferedImage waitUntilScreenStable(Duration interval, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        BufferedImage previous = screendump();
        while (System.nanoTime() < deadline) {
            Thread.sleep(interval.toMillis());
            BufferedImage now = screendump();
            if (PixelDiff.describe(previous, now, PixelDiff.EXACT) == null) {
                return now;
            }
            previous = now;
        }
        throw new IOException("the VM's screen did not settle within " + timeout.toSeconds() + " s");
    }

    public String logTail() {
        return Processes.tail(log);
    }

    /** QEMU's whole stderr so far: its messages, and trace events enabled with {@code -trace NAME}. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, java.nio.charset.StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() {
        releaseSerial();
        Processes.killTree(qemu.toHandle()); // first: then the QMP pipes are at their end
        if (qmp != null) {
            qmp.close();
        }
        if (!handedOver) {
            Processes.deleteTree(dir);
        }
    }

    @Override
    public String toString() {
        return "tiny VM (QEMU VNC " + vncAddress() + ")";
    }
}
