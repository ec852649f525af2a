package io.vncstream.viewer.keys;

/** Where translated keys go: {@code RfbClient::sendKey}, or a recorder in tests. */
@FunctionalInterface
public interface KeySink {
    /** @param scancode the XT scancode in QEMU's numbering, 0 when unknown */
    void key(boolean down, int keysym, int scancode);
}
