package dev.streamkit.quic.kwik;

import java.util.ArrayList;
import java.util.List;

/**
 * The subprotocol headers of WebTransport: {@code WT-Available-Protocols} is a structured-field list of strings
 * ({@code "moq-lite-04", "moq-lite-03"}), {@code WT-Protocol} one string. Tokens (unquoted) are read too, and
 * parameters ({@code ;a=b}) are ignored. A malformed member ends the list where it broke.
 */
final class ProtocolLists {

    /** Largest number of offered protocols kept. */
    static final int MAX_PROTOCOLS = 32;

    private ProtocolLists() {
    }

    /** The members of a structured-field list of strings, in order; {@code null} is the empty list. */
    static List<String> parse(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) return out;
        int i = 0;
        int n = header.length();
        while (i < n && out.size() < MAX_PROTOCOLS) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t' || header.charAt(i) == ',')) i++;
            if (i >= n) break;
            StringBuilder member = new StringBuilder();
            if (header.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = header.charAt(i++);
                    if (c == '\\' && i < n) {
                        member.append(header.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        member.append(c);
                    }
                }
                if (!closed) break;
            } else {
                while (i < n && ",; \t".indexOf(header.charAt(i)) < 0) member.append(header.charAt(i++));
            }
            while (i < n && header.charAt(i) != ',') i++; // parameters
            if (member.length() > 0) out.add(member.toString());
        }
        return out;
    }

    /** One structured-field string: quoted, with {@code \} and {@code "} escaped. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The structured-field list of {@code values}. */
    static String format(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) quoted.add(quote(value));
        return String.join(", ", quoted);
    }
}
