package dev.streamkit.moq.lite;

/**
 * Broadcast paths as moq-lite compares them: slashes collapsed, none leading or trailing, and prefixes matched
 * segment-wise ({@code a} is a prefix of {@code a/b}, not of {@code ab}).
 */
final class BroadcastPaths {

    private BroadcastPaths() {
    }

    static String normalize(String path) {
        return path.replaceAll("/+", "/").replaceAll("^/", "").replaceAll("/$", "");
    }

    /** The rest of {@code path} after {@code prefix}, or {@code null} when it is not under it. */
    static String suffix(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        if (!path.startsWith(prefix)) {
            return null;
        }
        if (path.length() == prefix.length()) {
            return "";
        }
        return path.charAt(prefix.length()) == '/' ? path.substring(prefix.length() + 1) : null;
    }
}
