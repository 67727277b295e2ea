package dev.streamkit.security;

import java.util.regex.Pattern;

/**
 * One allowlist pattern with the semantics of Rust's {@code glob::Pattern::matches}, which StreamKit uses:
 * {@code ?} is one character, {@code *} any run of characters (slashes included, so {@code *} alone
 * matches everything), {@code [abc]}, {@code [a-z]} and {@code [!abc]} are character classes, anything else
 * is literal. A malformed pattern (an unclosed {@code [}) matches nothing, as StreamKit skips it.
 */
final class Glob {

    private final Pattern regex;

    private Glob(Pattern regex) {
        this.regex = regex;
    }

    static Glob compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int end = classEnd(pattern, i);
                if (end < 0) return new Glob(null);
                regex.append(characterClass(pattern.substring(i + 1, end)));
                i = end;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return new Glob(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    boolean matches(String text) {
        return regex != null && regex.matcher(text).matches();
    }

    /** The index of the {@code ]} closing the class opened at {@code open}; a {@code ]} right after the opening (or {@code !}) is literal. */
    private static int classEnd(String pattern, int open) {
        int first = open + 1;
        if (first < pattern.length() && pattern.charAt(first) == '!') first++;
        return pattern.indexOf(']', first + 1);
    }

    private static String characterClass(String body) {
        StringBuilder out = new StringBuilder("[");
        int start = 0;
        if (body.startsWith("!")) {
            out.append('^');
            start = 1;
        }
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean range = c == '-' && i > start && i < body.length() - 1;
            if (range || Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append('\\').append(c);
            }
        }
        return out.append(']').toString();
    }
}
