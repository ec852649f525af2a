/**
 * Opening a domain's character device: a pty one through libvirt's own console stream
 * ({@code virsh console} under a pseudo-terminal, since virsh refuses to run one without), a
 * socket one QEMU listens on by connecting to it.
 */
package io.vncstream.libvirt.console;
