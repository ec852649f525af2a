package io.vncstream.ssh;

import java.util.List;

/**
 * A command line for the SSH host's shell built from words, each quoted so that the shell sees
 * it as one word whatever it holds (a domain named {@code a b; rm -rf ~} stays one argument).
 */
public final class RemoteCommand {
    private RemoteCommand() {
    }

    /** {@code virsh -c qemu:///system console --force 'vm 1'}: each word single-quoted unless plainly safe. */
    public static String of(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no command");
        }
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(quote(w));
        }
        return b.toString();
    }

    public static String of(String... words) {
        return of(List.of(words));
    }

    /** One word for a POSIX shell. NUL cannot be passed in an argument at all and is refused. */
    public static String quote(String word) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot hold a NUL character");
        }
        if (!word.isEmpty() && word.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "@%+=:,./_-".indexOf(c) >= 0))) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
