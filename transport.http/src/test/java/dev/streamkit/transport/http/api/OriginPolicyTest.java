package dev.streamkit.transport.http.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy defaults = new OriginPolicy(List.of("http://localhost", "http://localhost:*",
            "http://127.0.0.1:*"));

    @Test
    void allowsListedOriginsAnyNumericPortAndRequestsWithoutOrigin() {
        assertTrue(defaults.allows(null));
        assertTrue(defaults.allows("http://localhost"));
        assertTrue(defaults.allows("http://localhost:5173"));
        assertTrue(defaults.allows("http://127.0.0.1:4545"));
        assertTrue(new OriginPolicy(List.of("*")).allows("https://example.invalid"));
    }

    @Test
    void refusesForeignOriginsAndPortLookalikes() {
        assertFalse(defaults.allows("https://evil.invalid"));
        assertFalse(defaults.allows("http://localhost.evil.invalid"));
        assertFalse(defaults.allows("http://localhost:80.evil.invalid"));
        assertFalse(defaults.allows("http://127.0.0.1"));
        assertFalse(defaults.allows("http://localhost:123456"));
    }
}
