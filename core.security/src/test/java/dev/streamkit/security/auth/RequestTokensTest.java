package dev.streamkit.security.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RequestTokensTest {

    private static Function<String, String> headers(String... pairs) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return map::get;
    }

    @Test
    void prefersTheBearerHeaderOverTheCookie() {
        assertEquals("abc", RequestTokens.of(headers("authorization", "Bearer abc", "Cookie", "skit_session=def"), "skit_session"));
        assertEquals("abc", RequestTokens.of(headers("Authorization", "bearer abc"), "skit_session"));
    }

    @Test
    void fallsBackToTheNamedCookie() {
        assertEquals("def", RequestTokens.of(headers("Authorization", "Basic eDp5", "Cookie", "a=1; skit_session=def; b=2"),
                "skit_session"));
        assertNull(RequestTokens.of(headers("Cookie", "skit_session_other=x; a=1"), "skit_session"));
        assertNull(RequestTokens.of(headers("Cookie", "skit_session="), "skit_session"), "an empty (logged out) cookie");
        assertNull(RequestTokens.of(headers(), "skit_session"));
    }
}
