package io.vncstream.viewer.cli;

import io.vncstream.rfb.devices.DeviceInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code vncstream devices ADDRESS}: the server's stream devices, one per line. */
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
            for (DeviceInfo d : session.devices().devices()) {
                // A detail (a channel's target name) after a tab: the first column stays the name to open.
                System.out.println(d.name() + (d.detail().isEmpty() ? "" : "\t" + d.detail()
                        + (d.openByDefault() ? "" : " (not opened by default)")));
            }
        }
        return 0;
    }
}
