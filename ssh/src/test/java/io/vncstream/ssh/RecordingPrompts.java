package io.vncstream.ssh;

import java.util.ArrayList;
import java.util.List;

/** Prompts that answer as told and record what they were asked. */
final class RecordingPrompts implements SshPrompts {
    final List<HostKeyInfo> hostKeys = new ArrayList<>();
    final List<String> passphrases = new ArrayList<>();
    final List<String> passwords = new ArrayList<>();
    boolean trust;
    String passphrase;
    String password;

    RecordingPrompts trust(boolean on) {
        trust = on;
        return this;
    }

    RecordingPrompts answerPassphrase(String p) {
        passphrase = p;
        return this;
    }

    RecordingPrompts answerPassword(String p) {
        password = p;
        return this;
    }

    @Override
    public synchronized boolean trustUnknownHostKey(HostKeyInfo key) {
        hostKeys.add(key);
        return trust;
    }

    @Override
    public synchronized char[] passphrase(String keyFile) {
        passphrases.add(keyFile);
        return passphrase == null ? null : passphrase.toCharArray();
    }

    @Override
    public synchronized char[] password(String userAtHost) {
        passwords.add(userAtHost);
        return password == null ? null : password.toCharArray();
    }
}
