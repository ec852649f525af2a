package io.vncstream.rfb.server;

import io.vncstream.rfb.message.EnableContinuousUpdates;
import io.vncstream.rfb.message.ExtendedClipboard;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.message.FramebufferUpdateRequest;
import io.vncstream.rfb.message.KeyEvent;
import io.vncstream.rfb.message.PointerEvent;
import io.vncstream.rfb.message.QemuAudioRequest;
import io.vncstream.rfb.message.QemuKeyEvent;
import io.vncstream.rfb.message.SetDesktopSize;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.message.XvpMessage;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.stream.StreamMessage;

import java.io.IOException;

/** What a server hears from a client, one method per message, on the connection's reader thread. */
public interface RfbServerHandler {
    default void setPixelFormat(PixelFormat format) throws IOException {
    }

    default void setEncodings(SetEncodings encodings) throws IOException {
    }

    default void updateRequest(FramebufferUpdateRequest request) throws IOException {
    }

    default void keyEvent(KeyEvent event) throws IOException {
    }

    default void qemuKeyEvent(QemuKeyEvent event) throws IOException {
    }

    default void pointerEvent(PointerEvent event) throws IOException {
    }

    default void clientCutText(String text) throws IOException {
    }

    default void streamMessage(StreamMessage message) throws IOException {
    }

    /** SetDesktopSize (251): the client asks for a remote resize. */
    default void setDesktopSize(SetDesktopSize request) throws IOException {
    }

    /** A ClientCutText with a negative length: the extended clipboard. */
    default void extendedClipboard(ExtendedClipboard message) throws IOException {
    }

    default void fence(Fence fence) throws IOException {
    }

    default void enableContinuousUpdates(EnableContinuousUpdates request) throws IOException {
    }

    default void xvp(XvpMessage message) throws IOException {
    }

    /** QEMU audio (255, sub-type 1). */
    default void qemuAudio(QemuAudioRequest request) throws IOException {
    }
}
