package dev.streamkit.transport.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionCookieTest {

    @Test
    void isHttpOnlyStrictAndScopedToTheBasePath() {
        String set = SessionCookie.of("skit_session", "/skit/", false).set("t0k", 60);
        assertEquals("skit_session=t0k; HttpOnly; SameSite=Strict; Path=/skit; Max-Age=60", set);
        assertTrue(SessionCookie.of("skit_session", null, true).set("t0k", 60).contains("; Path=/; Secure;"));
    }

    @Test
    void logoutClearsIt() {
        assertEquals("skit_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0", SessionCookie.of("skit_session", "", false).clear());
    }
}
