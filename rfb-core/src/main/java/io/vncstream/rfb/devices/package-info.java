/**
 * Sources of devices: serial consoles and other byte streams a viewer lists and opens beside
 * the screen. A {@link io.vncstream.rfb.devices.DeviceSource} lists devices, tells of devices
 * added and removed, and opens a {@link io.vncstream.rfb.devices.DeviceCapture} of one, whose
 * output goes to an {@link io.vncstream.rfb.devices.OutputListener} until it ends with a reason.
 *
 * <p>Two implementations exist: the RFB stream extension
 * ({@link io.vncstream.rfb.stream.StreamDeviceSource}, over one connection's
 * {@link io.vncstream.rfb.stream.StreamClient}) and libvirt (module {@code libvirt}: a domain's
 * serials, consoles and channels through {@code virsh}). The viewer's device list, console tabs
 * and the {@code devices}/{@code console} commands see only this package, never which one they
 * have. It lives in rfb-core because rfb-core is the layer both implementations already stand
 * on: the stream one beside the client it wraps, the libvirt module above it (it connects unix
 * sockets with {@link io.vncstream.rfb.io.Transport}); a module of its own for four types would
 * be build plumbing without a boundary gained.
 */
package io.vncstream.rfb.devices;
