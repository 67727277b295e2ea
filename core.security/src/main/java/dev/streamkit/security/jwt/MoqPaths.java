package dev.streamkit.security.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Segment-based path prefixes as MoQ tokens use them: {@code /moq} covers {@code /moq/session1} but not
 * {@code /moq2}; {@code audio} covers {@code audio/left} but not {@code audiovisual}; {@code ""} covers
 * everything. Leading and trailing slashes do not matter.
 */
public final class MoqPaths {

    private MoqPaths() {
    }

    /** Whether {@code prefix} covers {@code path}. */
    public static boolean covers(String prefix, String path) {
        String p = trim(prefix);
        String candidate = trim(path);
        return p.isEmpty() || candidate.equals(p) || candidate.startsWith(p + "/");
    }

    /** Whether any of {@code prefixes} covers {@code path} (an empty list covers nothing). */
    public static boolean anyCovers(List<String> prefixes, String path) {
        return prefixes.stream().anyMatch(prefix -> covers(prefix, path));
    }

    /**
     * What is left of {@code path} below {@code prefix}, or nothing when {@code prefix} does not cover it
     * ({@code /moq/a/b} below {@code /moq} is {@code a/b}).
     */
    public static Optional<String> below(String prefix, String path) {
        if (!covers(prefix, path)) return Optional.empty();
        String p = trim(prefix);
        String rest = trim(path).substring(p.length());
        return Optional.of(trim(rest));
    }

    /**
     * Reduces permissions to a connection made {@code suffix} below the token's root (moq-relay's rule):
     * {@code ""} stays allow-all, a permission under {@code suffix} loses it, any other is dropped.
     */
    static List<String> reduce(List<String> permissions, String suffix) {
        List<String> reduced = new ArrayList<>();
        for (String permission : permissions) {
            if (trim(permission).isEmpty()) {
                reduced.add("");
            } else {
                below(suffix, permission).ifPresent(reduced::add);
            }
        }
        return reduced;
    }

    private static String trim(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') start++;
        while (end > start && path.charAt(end - 1) == '/') end--;
        return path.substring(start, end);
    }
}
