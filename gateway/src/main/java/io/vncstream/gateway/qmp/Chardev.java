package io.vncstream.gateway.qmp;

import io.vncstream.gateway.device.DeviceBackend;
import io.vncstream.gateway.device.PtyBackend;
import io.vncstream.gateway.device.SocketBackend;
import io.vncstream.gateway.net.HostPort;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of {@code query-chardev}: a label and a filename such as
 * {@code disconnected:unix:/run/vm/serial.sock,server=on}, {@code tcp:127.0.0.1:4444,server=on}
 * or {@code pty:/dev/pts/3}. Server sockets and ptys can be offered as devices.
 */
public record Chardev(String label, String filename) {
    /**
     * Labels of chardevs that carry a monitor: QEMU names the chardev of each {@code -qmp} and
     * {@code -monitor} option {@code compat_monitorN}; libvirt names its own {@code charmonitor}.
     * A monitor socket is a server socket like a serial port's, but typing into it is not a
     * console (and holding it would lock its owner out: a socket monitor serves one client).
     */
    private static final Pattern MONITOR_LABEL = Pattern.compile("compat_monitor\\d+|charmonitor");

    /** Whether this chardev carries a QEMU monitor, by the labels QEMU and libvirt give them. */
    public boolean isMonitor() {
        return MONITOR_LABEL.matcher(label).matches();
    }

    /** How the gateway reaches it, if it can: server sockets (we connect) and ptys. */
    public Optional<DeviceBackend> backend() {
        String f = address();
        if (f.startsWith("pty:")) {
            return Optional.of(new PtyBackend(Path.of(f.substring(4))));
        }
        String[] parts = f.split(",");
        boolean server = false;
        for (int i = 1; i < parts.length; i++) {
            server |= parts[i].equals("server=on") || parts[i].equals("server");
        }
        if (!server) {
            return Optional.empty();
        }
        String addr = parts[0];
        if (addr.startsWith("unix:")) {
            return Optional.of(SocketBackend.unix(Path.of(addr.substring(5))));
        }
        if (addr.startsWith("tcp:")) {
            try {
                HostPort hp = HostPort.parse(addr.substring(4));
                return Optional.of(SocketBackend.tcp(hp.host(), hp.port()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether this chardev is the socket of the QMP monitor we are talking to. */
    public boolean isSocket(String qmpAddress) {
        String f = address();
        return f.split(",")[0].equals(qmpAddress) || f.startsWith(qmpAddress + ",");
    }

    /** The filename without the connection state QEMU puts before a server socket's address. */
    private String address() {
        return filename.startsWith("disconnected:") ? filename.substring("disconnected:".length()) : filename;
    }
}
