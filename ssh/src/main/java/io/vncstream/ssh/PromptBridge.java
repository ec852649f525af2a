package io.vncstream.ssh;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * jsch's questions ({@link UserInfo}, keyboard-interactive) passed on to {@link SshPrompts},
 * with the connect deadline stopped while the user answers, and a record of what was tried
 * for the error message when nothing worked.
 */
final class PromptBridge implements UserInfo, UIKeyboardInteractive {
    private final SshPrompts prompts;
    private final ConnectDeadline deadline;
    private final String userAtHost;
    /** As OpenSSH's NumberOfPasswordPrompts: then password authentication gives up. */
    static final int PASSWORD_PROMPTS = 3;

    private final List<String> tried = new ArrayList<>();
    private int passwordPrompts;
    private volatile boolean cancelled;
    private String passphrase;
    private String password;

    PromptBridge(SshPrompts prompts, ConnectDeadline deadline, String userAtHost) {
        this.prompts = prompts;
        this.deadline = deadline;
        this.userAtHost = userAtHost;
    }

    /** What the user was asked for, in order ("password", "passphrase for ~/.ssh/id_rsa"). */
    synchronized List<String> asked() {
        return List.copyOf(tried);
    }

    /** Whether the user cancelled a prompt (rather than answered wrongly). */
    boolean cancelled() {
        return cancelled;
    }

    @Override
    public String getPassphrase() {
        return passphrase;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public boolean promptPassphrase(String message) {
        // jsch says "Passphrase for /path/to/key"
        String file = message.startsWith("Passphrase for ") ? message.substring("Passphrase for ".length()) : message;
        record("passphrase for " + file);
        passphrase = text(ask(() -> prompts.passphrase(file)));
        cancelled |= passphrase == null;
        return passphrase != null;
    }

    @Override
    public boolean promptPassword(String message) {
        if (++passwordPrompts > PASSWORD_PROMPTS) {
            password = null;
            return false;
        }
        record("password");
        password = text(ask(() -> prompts.password(userAtHost)));
        cancelled |= password == null;
        return password != null;
    }

    @Override
    public boolean promptYesNo(String message) {
        return false; // host keys are decided by KnownHostsCheck, never here
    }

    @Override
    public void showMessage(String message) {
        // banners and jsch's host-key warnings: the refusal's own message says it in one line
    }

    @Override
    public String[] promptKeyboardInteractive(String destination, String name, String instruction, String[] prompt,
                                              boolean[] echo) {
        // A server that asks only for a password this way (PAM's "Password:") gets the password prompt.
        if (prompt.length != 1 || echo[0]) {
            return null;
        }
        if (++passwordPrompts > PASSWORD_PROMPTS) {
            return null;
        }
        record("password (keyboard-interactive)");
        String p = text(ask(() -> prompts.password(userAtHost)));
        cancelled |= p == null;
        return p == null ? null : new String[] {p};
    }

    private synchronized void record(String what) {
        if (!tried.contains(what)) {
            tried.add(what);
        }
    }

    private interface Question {
        char[] ask();
    }

    private char[] ask(Question q) {
        deadline.pause();
        try {
            return q.ask();
        } finally {
            deadline.resume();
        }
    }

    private static String text(char[] chars) {
        if (chars == null) {
            return null;
        }
        String s = new String(chars);
        Arrays.fill(chars, '\0');
        return s;
    }
}
