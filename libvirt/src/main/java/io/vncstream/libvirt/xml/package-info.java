/** A domain's XML ({@code virsh dumpxml}) read with the JDK's DOM parser: the VNC screen and the character devices. */
package io.vncstream.libvirt.xml;
