package io.vncstream.gateway.demo;

import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** The demo shell's commands, among them {@code plug} and {@code unplug}, which hot-plug demo devices. */
final class DemoCommands {
    static final int DEFAULT_FLOOD_LINES = 20_000;

    private final DeviceRegistry registry;
    private final int backlogBytes;

    DemoCommands(DeviceRegistry registry, int backlogBytes) {
        this.registry = registry;
        this.backlogBytes = backlogBytes;
    }

    void run(String commandLine, Consumer<String> out) {
        String[] words = commandLine.split("\\s+");
        String arg = words.length > 1 ? words[1] : null;
        switch (words[0]) {
            case "help" -> out.accept("""
                    commands:\r
                      help            this list\r
                      echo TEXT       print TEXT\r
                      date, uname, hostname, whoami, uptime\r
                      devices         list the gateway's devices\r
                      plug NAME       hot-plug a demo device NAME (an echo console)\r
                      unplug NAME     remove device NAME\r
                      flood [LINES]   print a lot of output fast (default 20000 lines)\r
                      colors          print colours and styles\r
                      clear           clear the screen\r
                    """);
            case "echo" -> out.accept(commandLine.substring(4).trim() + "\r\n");
            case "date" -> out.accept(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + "\r\n");
            case "uname" -> out.accept("Linux demo 6.1.0-vncstream #1 SMP x86_64 GNU/Linux\r\n");
            case "hostname" -> out.accept("demo\r\n");
            case "whoami" -> out.accept("root\r\n");
            case "uptime" -> out.accept(" up " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000
                    + " s, 1 user, load average: 0.00, 0.01, 0.05\r\n");
            case "devices" -> registry.all().forEach(d -> out.accept(d.name() + "\t" + d.backend().describe() + "\r\n"));
            case "plug" -> plug(arg, out);
            case "unplug" -> unplug(arg, out);
            case "flood" -> flood(arg, out);
            case "colors" -> colours(out);
            case "clear" -> out.accept("\u001b[H\u001b[2J");
            default -> out.accept("demo: " + words[0] + ": command not found\r\n");
        }
    }

    private void plug(String name, Consumer<String> out) {
        if (name == null) {
            out.accept("usage: plug NAME\r\n");
            return;
        }
        try {
            io.vncstream.rfb.stream.DeviceNotice.checkName(name);
        } catch (IllegalArgumentException e) {
            out.accept("plug: " + e.getMessage() + "\r\n");
            return;
        }
        Device device = new Device(name, new ProgramBackend("demo:echo", new DemoEcho(name)), backlogBytes);
        out.accept(registry.add(device) ? "plugged " + name + "\r\n" : "plug: " + name + " exists already\r\n");
    }

    private void unplug(String name, Consumer<String> out) {
        if (name == null) {
            out.accept("usage: unplug NAME\r\n");
            return;
        }
        out.accept(registry.remove(name) ? "unplugged " + name + "\r\n" : "unplug: no device " + name + "\r\n");
    }

    private static void flood(String arg, Consumer<String> out) {
        int lines = DEFAULT_FLOOD_LINES;
        try {
            if (arg != null) {
                lines = Math.max(1, Math.min(10_000_000, Integer.parseInt(arg)));
            }
        } catch (NumberFormatException e) {
            out.accept("flood: not a number: " + arg + "\r\n");
            return;
        }
        StringBuilder b = new StringBuilder(64 * 1024);
        for (int i = 1; i <= lines; i++) {
            b.append(String.format("%08d the quick brown fox jumps over the lazy dog%n", i).replace("\n", "\r\n"));
            if (b.length() > 60_000) {
                out.accept(b.toString());
                b.setLength(0);
                pause();
            }
        }
        out.accept(b + "flood: " + lines + " lines\r\n");
    }

    /**
     * A device paces a flood by its viewers (and this program waits for the device, see
     * {@link ProgramBackend}), so an unpaced flood would only go at a viewer's pace; real serial
     * consoles are far slower, and this keeps the demo near 50 MB/s.
     */
    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void colours(Consumer<String> out) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append("\u001b[3").append(i).append("m colour ").append(i).append(" \u001b[0m");
        }
        b.append("\r\n\u001b[1mbold\u001b[0m \u001b[3mitalic\u001b[0m \u001b[4munderline\u001b[0m \u001b[7minverse\u001b[0m\r\n");
        out.accept(b.toString());
    }
}
