package io.vncstream.viewer.cli;

import io.vncstream.rfb.security.tls.CertificateDetails;
import io.vncstream.rfb.security.tls.CertificatePrompt;
import io.vncstream.rfb.security.tls.HostNames;
import io.vncstream.rfb.security.tls.TlsException;

import java.io.Console;
import java.io.IOException;
import java.util.Locale;

/**
 * Asks about an unknown certificate on the terminal, as ssh asks about an unknown host key; with
 * no terminal (a script), refuses with a line that says how to accept it (--accept-certificate).
 */
final class TerminalCertificatePrompt implements CertificatePrompt {
    @Override
    public Decision decide(CertificateDetails c) throws IOException {
        Console console = System.console();
        if (console == null) {
            throw new TlsException("the certificate of " + c.server() + " is not trusted (" + c.problem() + ", "
                    + c.fingerprint() + "): if it is the server's, give --accept-certificate " + c.fingerprint()
                    + ", or --x509-ca with the CA that signed it");
        }
        console.printf("The certificate of %s is not trusted: %s.%n", c.server(), c.problem());
        console.printf("  subject:     %s%n  issuer:      %s%n  valid:       %s to %s%n", printable(c.subject()),
                printable(c.issuer()), c.notBefore(), c.notAfter());
        if (!c.names().isEmpty()) {
            console.printf("  names:       %s%n", printable(String.join(", ", c.names())));
        }
        console.printf("  fingerprint: %s%n", c.fingerprint());
        while (true) {
            String answer = console.readLine("Accept it [o]nce, [a]lways, or [N]o? ");
            if (answer == null) {
                return Decision.CANCEL;
            }
            switch (answer.trim().toLowerCase(Locale.ROOT)) {
                case "o", "once" -> {
                    return Decision.ACCEPT_ONCE;
                }
                case "a", "always" -> {
                    return Decision.ACCEPT_ALWAYS;
                }
                case "", "n", "no" -> {
                    return Decision.CANCEL;
                }
                default -> console.printf("Please answer o, a or n.%n");
            }
        }
    }

    /** Certificate text comes from the server: no control characters reach the terminal. */
    static String printable(String s) {
        return HostNames.printable(s);
    }
}
