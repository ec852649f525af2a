/** A libvirt domain's character devices as a {@link io.vncstream.rfb.devices.DeviceSource}, kept live by its events. */
package io.vncstream.libvirt.devices;
