package dev.streamkit.quic.kwik;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a request target ({@code /moq/a?jwt=x&b}) into its path and its query parameters: names and values
 * percent-decoded ({@code +} is a space), a name without {@code =} has the empty value, repeated names keep
 * every value in order.
 */
final class QueryStrings {

    /** Most parameters kept from one query. */
    static final int MAX_PARAMETERS = 64;

    private QueryStrings() {
    }

    /** The path of {@code target}, without query or fragment. */
    static String path(String target) {
        int end = target.length();
        int query = target.indexOf('?');
        int fragment = target.indexOf('#');
        if (query >= 0) end = query;
        if (fragment >= 0 && fragment < end) end = fragment;
        String path = target.substring(0, end);
        return path.isEmpty() ? "/" : path;
    }

    /** The query parameters of {@code target}. */
    static Map<String, List<String>> parameters(String target) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        int start = target.indexOf('?');
        if (start < 0) return out;
        int fragment = target.indexOf('#', start);
        String query = target.substring(start + 1, fragment < 0 ? target.length() : fragment);
        int kept = 0;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            if (kept++ >= MAX_PARAMETERS) break;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        out.replaceAll((name, values) -> List.copyOf(values));
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text; // a stray % stays as it was
        }
    }
}
