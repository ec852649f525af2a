package io.vncstream.ssh;

import java.io.Console;
import java.util.Locale;

/** {@link SshPrompts} on the user's terminal, worded as OpenSSH's {@code ssh} asks. */
final class TerminalPrompts implements SshPrompts {
    private final Console console;

    TerminalPrompts(Console console) {
        this.console = console;
    }

    @Override
    public boolean trustUnknownHostKey(HostKeyInfo key) {
        console.printf("The authenticity of host '%s' can't be established.%n%s key fingerprint is %s.%n"
                + "This key is not known by any other names.%n", key.knownHostsName(), key.type(), key.fingerprint());
        while (true) {
            String answer = console.readLine("Are you sure you want to continue connecting (yes/no)? ");
            if (answer == null) {
                return false;
            }
            String a = answer.trim().toLowerCase(Locale.ROOT);
            if (a.equals("yes")) {
                return true;
            }
            if (a.equals("no")) {
                return false;
            }
            console.printf("Please type 'yes' or 'no'.%n");
        }
    }

    @Override
    public char[] passphrase(String keyFile) {
        char[] p = console.readPassword("Enter passphrase for key '%s': ", keyFile);
        return p == null || p.length == 0 ? null : p;
    }

    @Override
    public char[] password(String userAtHost) {
        return console.readPassword("%s's password: ", userAtHost);
    }
}
