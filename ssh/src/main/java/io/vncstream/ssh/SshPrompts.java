package io.vncstream.ssh;

/**
 * What an SSH connection may ask its user, called on the connecting thread (which waits for the
 * answer; the connect deadline does not run meanwhile). The CLI answers on the terminal
 * ({@link #terminal()}), the GUI in dialogs; {@link #nonInteractive()} refuses everything.
 */
public interface SshPrompts {
    /**
     * The host presented a key that is not in known_hosts. True trusts it: the connection goes on
     * and the key is appended to {@link HostKeyInfo#knownHosts()}. (A changed key is never asked
     * about: it is refused.)
     */
    boolean trustUnknownHostKey(HostKeyInfo key);

    /** The passphrase of an encrypted private key file, or null to skip that key. */
    char[] passphrase(String keyFile);

    /** The password of {@code userAtHost}, or null to give up password authentication. */
    char[] password(String userAtHost);

    /** True when this asks nobody: an unknown host key is then refused with its fingerprint in the message. */
    default boolean isInteractive() {
        return true;
    }

    /** Asks nobody: unknown host keys are refused, encrypted keys skipped, no password tried. */
    static SshPrompts nonInteractive() {
        return NonInteractive.INSTANCE;
    }

    /** Asks on the terminal ({@code System.console()}) as {@code ssh} does; without a terminal, {@link #nonInteractive()}. */
    static SshPrompts terminal() {
        java.io.Console console = System.console();
        return console == null ? nonInteractive() : new TerminalPrompts(console);
    }

    /** The refusing prompts. */
    final class NonInteractive implements SshPrompts {
        static final NonInteractive INSTANCE = new NonInteractive();

        private NonInteractive() {
        }

        @Override
        public boolean trustUnknownHostKey(HostKeyInfo key) {
            return false;
        }

        @Override
        public char[] passphrase(String keyFile) {
            return null;
        }

        @Override
        public char[] password(String userAtHost) {
            return null;
        }

        @Override
        public boolean isInteractive() {
            return false;
        }
    }
}
