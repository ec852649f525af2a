package io.vncstream.libvirt.console;

import io.vncstream.libvirt.LibvirtException;

/** Another client (virsh console, virt-manager) holds the console, and we did not force it away. */
public final class ConsoleBusyException extends LibvirtException {
    public ConsoleBusyException(String message) {
        super(message);
    }
}
