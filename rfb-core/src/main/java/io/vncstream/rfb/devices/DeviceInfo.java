package io.vncstream.rfb.devices;

/**
 * One device as a list shows it: the name to open it by, a detail shown beside it (a libvirt
 * channel's target name such as {@code org.qemu.guest_agent.0}; empty when there is none), and
 * whether a tool may open it without being asked to by name (false for a device another program
 * owns, such as the guest agent's channel, which libvirt itself talks to).
 */
public record DeviceInfo(String name, String detail, boolean openByDefault) {
    public DeviceInfo {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a device needs a name");
        }
        detail = detail == null ? "" : detail;
    }

    /** A device with nothing more to say than its name. */
    public static DeviceInfo named(String name) {
        return new DeviceInfo(name, "", true);
    }
}
