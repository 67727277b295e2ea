package dev.streamkit.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it is logged: the values of {@code jwt=}, {@code token=} and
 * {@code access_token=} query or form parameters (the MoQ gateway takes its token as {@code ?jwt=}), the
 * credentials of an {@code Authorization} header (its scheme stays), and any other JWT-shaped string (three
 * base64url parts, the first starting {@code eyJ}), which covers cookies and tokens echoed in error
 * messages. What is removed becomes {@value #REDACTED}. Stateless and thread-safe.
 */
public final class Redaction {

    /** What stands in for a removed credential. */
    public static final String REDACTED = "<redacted>";

    private static final Pattern QUERY_TOKEN = Pattern.compile("(?i)((?:^|[?&;\\s\"'(])(?:jwt|token|access_token)=)[^&\\s#\"')]+");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(authorization\"?\\s*[:=]\\s*\"?(?:(?:bearer|basic|token)\\s+)?)[^\\s,;\"']+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private Redaction() {
    }

    /** {@code text} with every credential replaced by {@value #REDACTED}; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String result = replaceKeepingPrefix(QUERY_TOKEN, text);
        result = replaceKeepingPrefix(AUTHORIZATION, result);
        return JWT.matcher(result).replaceAll(REDACTED);
    }

    /** {@link #redact} of {@code value}'s text, for log arguments such as URIs and exceptions. */
    public static String redact(Object value) {
        return value == null ? null : redact(value.toString());
    }

    private static String replaceKeepingPrefix(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) return text;
        return matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1)) + REDACTED);
    }
}
