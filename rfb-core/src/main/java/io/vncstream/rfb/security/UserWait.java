package io.vncstream.rfb.security;

/**
 * Told when the handshake waits for the user (a password, a certificate decision), so that the
 * handshake's deadline, which bounds the server, does not count the time a person takes.
 */
public interface UserWait {
    void started();

    void ended();

    UserWait NONE = new UserWait() {
        @Override
        public void started() {
        }

        @Override
        public void ended() {
        }
    };
}
