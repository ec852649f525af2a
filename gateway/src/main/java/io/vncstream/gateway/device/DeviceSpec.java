package io.vncstream.gateway.device;

import io.vncstream.gateway.net.HostPort;

import java.nio.file.Path;

/** A device given on the command line: {@code NAME=unix:PATH}, {@code NAME=tcp:HOST:PORT}, {@code NAME=pty:PATH}, {@code NAME=file:PATH}. */
public record DeviceSpec(String name, DeviceBackend backend) {

    public static DeviceSpec parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("device '" + text + "': expected NAME=unix:PATH, NAME=tcp:HOST:PORT, NAME=pty:PATH or NAME=file:PATH");
        }
        String name = text.substring(0, eq);
        io.vncstream.rfb.stream.DeviceNotice.checkName(name);
        return new DeviceSpec(name, backend(text.substring(eq + 1), text));
    }

    static DeviceBackend backend(String target, String context) {
        if (target.startsWith("unix:")) {
            return SocketBackend.unix(Path.of(target.substring(5)));
        }
        if (target.startsWith("pty:")) {
            return new PtyBackend(Path.of(target.substring(4)));
        }
        if (target.startsWith("file:")) {
            return new FileBackend(Path.of(target.substring(5)));
        }
        if (target.startsWith("tcp:")) {
            try {
                HostPort hp = HostPort.parse(target.substring(4));
                return SocketBackend.tcp(hp.host(), hp.port());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("device '" + context + "': " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("device '" + context + "': unknown kind (use unix:, tcp:, pty: or file:)");
    }
}
