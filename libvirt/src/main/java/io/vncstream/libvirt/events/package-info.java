/** A domain's events from {@code virsh event --domain D --loop --all}: lifecycle, reboot, devices added and removed. */
package io.vncstream.libvirt.events;
