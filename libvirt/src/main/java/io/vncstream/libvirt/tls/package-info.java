/** Where a libvirt client keeps the certificates for the VNC servers of {@code vnc_tls} hosts. */
package io.vncstream.libvirt.tls;
