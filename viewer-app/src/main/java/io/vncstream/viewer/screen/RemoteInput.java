package io.vncstream.viewer.screen;

import io.vncstream.rfb.client.RfbClient;

/** What the screen sends to the server; {@link #of(RfbClient)} in the app, a recorder in tests. */
public interface RemoteInput {
    void sendKey(boolean down, int keysym, int scancode);

    void sendPointer(int buttonMask, int x, int y);

    void sendCutText(String text);

    /** Why this text cannot go to the server's clipboard, or null when it can (RFB's Latin-1 by default). */
    default String cutTextProblem(String text) {
        return io.vncstream.rfb.message.CutText.isLatin1(text) ? null
                : "Clipboard not sent to the server: it contains characters outside Latin-1, which RFB cannot carry";
    }

    static RemoteInput of(RfbClient client) {
        return new RemoteInput() {
            /** UTF-8 once the server has the extended clipboard, else Latin-1; and the server's size limit. */
            @Override
            public String cutTextProblem(String text) {
                return client.clipboardProblem(text);
            }

            @Override
            public void sendKey(boolean down, int keysym, int scancode) {
                if (!client.isClosed()) {
                    client.sendKey(down, keysym, scancode);
                }
            }

            @Override
            public void sendPointer(int buttonMask, int x, int y) {
                if (!client.isClosed()) {
                    client.sendPointer(buttonMask, x, y);
                }
            }

            @Override
            public void sendCutText(String text) {
                if (!client.isClosed()) {
                    client.sendCutText(text);
                }
            }
        };
    }

    /** Sends nothing (before connecting, after disconnecting). */
    RemoteInput NONE = new RemoteInput() {
        @Override
        public void sendKey(boolean down, int keysym, int scancode) {
        }

        @Override
        public void sendPointer(int buttonMask, int x, int y) {
        }

        @Override
        public void sendCutText(String text) {
        }
    };
}
