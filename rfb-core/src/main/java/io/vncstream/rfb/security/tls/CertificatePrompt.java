package io.vncstream.rfb.security.tls;

import java.io.IOException;

/**
 * Asked when a server's certificate is neither signed by a trusted CA nor known from before, like
 * ssh's "authenticity of host can't be established": the GUI shows a dialog, the CLI asks on a
 * terminal. It may also throw, with a message saying why it cannot ask.
 */
@FunctionalInterface
public interface CertificatePrompt {
    enum Decision { ACCEPT_ONCE, ACCEPT_ALWAYS, CANCEL }

    Decision decide(CertificateDetails certificate) throws IOException;

    /** For callers that cannot ask anyone: unknown certificates are refused. */
    CertificatePrompt REFUSE = certificate -> Decision.CANCEL;
}
