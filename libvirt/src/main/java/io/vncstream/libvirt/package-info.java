/**
 * A libvirt domain as vncstream sees it: found by name, UUID or id on a libvirt URI
 * ({@code qemu:///system}, {@code qemu:///session}, {@code qemu+ssh://[USER@]HOST[:PORT]/system}),
 * its screen (the live XML's {@code <graphics type='vnc'>}), its serials, consoles, parallels
 * and channels as a {@link io.vncstream.rfb.devices.DeviceSource}, its state and events.
 *
 * <p>Everything goes through {@code virsh}, run as a process on the machine libvirt runs on:
 * here, or on the remote host over an SSH exec channel ({@link io.vncstream.libvirt.host}). Not
 * the Java binding {@code org.libvirt:libvirt}: it has no console stream API (a pty console is
 * reachable only through libvirt's {@code virDomainOpenConsole}, which {@code virsh console}
 * wraps), and it needs libvirt's native library on the viewer's machine through JNA, where
 * {@code virsh} needs nothing on the viewer's machine when the host is remote and is already
 * installed wherever libvirt is. Domain XML is read with the JDK's DOM parser and XPath.
 *
 * <p>A session: {@code Libvirt.connect(uri)} checks that libvirt answers, {@code resolve(domain)}
 * finds the domain (errors name what exists), {@code DomainXml} gives the VNC endpoint and the
 * devices, {@code DomainEvents} follows {@code virsh event --loop}, and
 * {@code LibvirtDeviceSource} keeps the device list live and opens consoles.
 */
package io.vncstream.libvirt;
