/**
 * Where virsh runs and the host's sockets are reached: {@link io.vncstream.libvirt.host.LocalHost}
 * (processes and sockets of this machine) or, for {@code qemu+ssh://} URIs, the remote host over
 * one SSH connection (exec channels, with a pseudo-terminal for consoles; direct-tcpip and
 * direct-streamlocal for the screen and socket consoles).
 */
package io.vncstream.libvirt.host;
