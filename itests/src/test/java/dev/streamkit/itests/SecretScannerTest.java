package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScannerTest {

    @TempDir
    Path dir;

    @Test
    void findsTokensPrivateJwksAndPemKeysByLineWithoutPrintingThem() throws Exception {
        String jwt = "eyJhbGciOiJFZERTQSJ9.eyJhdWQiOiJza2l0LWFwaSJ9.c2lnbmF0dXJl";
        Path log = dir.resolve("server.log");
        Files.writeString(log, String.join("\n", "12:00:00 INFO started", "GET /moq?jwt=" + jwt,
                "key {\"kty\":\"OKP\",\"d\" : \"secret\"}", "-----BEGIN PRIVATE KEY-----", "GET /moq?jwt=<redacted>", ""));
        List<String> findings = SecretScanner.scan(log);
        assertEquals(3, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith(log + ":2: a JWT"), findings.get(0));
        assertTrue(findings.get(1).startsWith(log + ":3: a private JWK member"), findings.get(1));
        assertTrue(findings.get(2).startsWith(log + ":4: PEM private key"), findings.get(2));
        assertFalse(String.join("\n", findings).contains(jwt.substring(20)), "the secret itself is not repeated");
    }
}
