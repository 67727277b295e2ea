package dev.streamkit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String JWT = "eyJhbGciOiJFZERTQSJ9.eyJhdWQiOiJza2l0LW1vcSJ9.c2lnbmF0dXJlLWJ5dGVz";
    private static final String OPAQUE = "s3cr3t-Value_42";

    @Test
    void queryTokensLoseTheirValuesButKeepTheRestOfTheUrl() {
        for (String name : List.of("jwt", "token", "access_token", "JWT")) {
            String url = "GET /moq/session1?x=1&" + name + "=" + OPAQUE + "&y=2 HTTP/1.1";
            String redacted = Redaction.redact(url);
            assertFalse(redacted.contains(OPAQUE), redacted);
            assertTrue(redacted.contains(name + "=" + Redaction.REDACTED), redacted);
            assertTrue(redacted.contains("/moq/session1?x=1&") && redacted.endsWith("&y=2 HTTP/1.1"), redacted);
        }
        assertFalse(Redaction.redact("https://h:4545/moq?jwt=" + OPAQUE).contains(OPAQUE));
    }

    @Test
    void authorizationCredentialsGoAndTheSchemeStays() {
        for (String line : List.of("Authorization: Bearer " + OPAQUE, "authorization=Basic " + OPAQUE,
                "{\"Authorization\": \"Bearer " + OPAQUE + "\"}", "AUTHORIZATION: " + OPAQUE)) {
            String redacted = Redaction.redact(line);
            assertFalse(redacted.contains(OPAQUE), redacted);
            assertTrue(redacted.contains(Redaction.REDACTED), redacted);
        }
        assertTrue(Redaction.redact("Authorization: Bearer " + OPAQUE).startsWith("Authorization: Bearer "));
    }

    @Test
    void aJwtAnywhereIsRemoved() {
        for (String line : List.of("Cookie: skit_session=" + JWT, "bad token " + JWT + " refused", JWT)) {
            String redacted = Redaction.redact(line);
            assertFalse(redacted.contains("eyJ"), redacted);
        }
    }

    @Test
    void textWithoutCredentialsIsUnchanged() {
        for (String line : List.of("GET /api/v1/sessions?tokens=3 HTTP/1.1", "Created session 'x' (tokenizer)",
                "ratio=0.5 eyJ", "")) {
            assertEquals(line, Redaction.redact(line));
        }
        assertNull(Redaction.redact((String) null));
        assertNull(Redaction.redact((Object) null));
    }
}
