package io.vncstream.rfb.devices;

/** Receives one capture's device output, in order, on the capture's own delivery thread. */
public interface OutputListener {
    void output(byte[] data);

    /**
     * Output that the device produced before this capture started, which the source replays at
     * its start (a backlog: the boot log of a console opened late). A terminal must not answer
     * the queries in it (cursor position, device attributes): the device asked them long ago, and
     * the answer would reach it as if typed. The stream extension carries no mark for it; a
     * server sends its replay as the capture's first send-data, split into messages of
     * {@link io.vncstream.rfb.Limits#MAX_STREAM_DATA} only when longer, so the first message and
     * those after a full-size one are taken as the replay. The gateway ends every replay in a
     * shorter message, an empty one when it has nothing to replay (see the README's notes on the
     * stream extension). By default replayed output is treated as any other.
     */
    default void replayed(byte[] data) {
        output(data);
    }

    /**
     * The capture ended: closed by us, by the other side, or because the device went away. A
     * reason starting with {@link EndReasons#DEVICE_REMOVED} means the device is gone from the list.
     */
    default void ended(String reason) {
    }
}
