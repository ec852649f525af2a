package io.vncstream.viewer.cli;

import io.vncstream.rfb.devices.DeviceInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code vncstream devices ADDRESS}: the server's stream devices, one per line, escaped (the
 * names come from the server: see {@link TerminalText}).
 */
@Command(name = "devices", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the server's devices (serial consoles and other streams), one per line.")
final class DevicesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ADDRESS", description = "As for snapshot; with --connect, a libvirt domain.")
    String address;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LibvirtOptions libvirt;

    @Override
    public Integer call() throws Exception {
        try (DeviceSession session = libvirt.isSet()
                ? LibvirtSession.open(libvirt.uri, address, false, false)
                : StreamSession.open(address, connection)) {
            java.util.List<DeviceInfo> devices = session.devices().devices();
            for (DeviceInfo d : devices) {
                // Names come from the server: escaped, so that none can move the cursor or pass for two.
                // A detail (a channel's target name) after a tab: the first column stays the name to open.
                System.out.println(TerminalText.escape(d.name()) + (d.detail().isEmpty() ? "" : "\t"
                        + TerminalText.escape(d.detail()) + (d.openByDefault() ? "" : " (not opened by default)")));
            }
            if (devices.isEmpty() && !libvirt.isSet()) {
                // A server announces its devices before its first update, so none came: say why that may be.
                System.err.println("vncstream devices: " + TerminalText.escape(address) + " announced no devices:"
                        + " no VNC server offers the stream extension by itself; vncstream-gateway adds it");
            }
        }
        return 0;
    }
}
