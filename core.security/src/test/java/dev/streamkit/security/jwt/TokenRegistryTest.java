package dev.streamkit.security.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenRegistryTest {

    @TempDir
    Path dir;
    private final SteppingClock clock = new SteppingClock();

    @Test
    void recordsAndRevocationsSurviveARestart() throws Exception {
        TokenRegistry registry = TokenRegistry.open(dir, clock);
        registry.add(record("a"));
        registry.add(record("b"));
        assertTrue(registry.revoke("a"));
        assertFalse(registry.revoke("missing"));

        TokenRegistry reopened = TokenRegistry.open(dir, clock);
        assertEquals(2, reopened.list().size());
        assertTrue(reopened.find("a").orElseThrow().revoked());
        assertFalse(reopened.find("b").orElseThrow().revoked());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(TokenRegistry.FILE))));
    }

    @Test
    void aCrashMidWriteLeavesThePreviousVersion() throws Exception {
        TokenRegistry.open(dir, clock).add(record("kept"));
        // What a crash between writing the temporary file and renaming it leaves behind.
        Files.writeString(dir.resolve("." + TokenRegistry.FILE + "123.tmp"), "[{\"jti\": \"half");

        AuthState.open(dir, new TokenLifetimes(new TokenLifetimes.Lifetime(60, 600), new TokenLifetimes.Lifetime(60, 600)), clock);
        TokenRegistry reopened = TokenRegistry.open(dir, clock);
        assertTrue(reopened.find("kept").isPresent());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(CrashSafeFile::isTemporary), "leftovers are removed on open");
        }
    }

    @Test
    void aCorruptRegistryIsAnErrorNotAnEmptyOne() throws Exception {
        TokenRegistry.open(dir, clock).add(record("a"));
        Files.writeString(dir.resolve(TokenRegistry.FILE), "[{\"jti\": \"half");
        assertThrows(IOException.class, () -> TokenRegistry.open(dir, clock));
    }

    @Test
    void expiredRecordsAreDroppedOnTheNextWrite() throws Exception {
        TokenRegistry registry = TokenRegistry.open(dir, clock);
        registry.add(record("old"));
        clock.advance(Duration.ofSeconds(120));
        registry.add(record("new"));
        assertTrue(registry.find("old").isEmpty());
        assertTrue(registry.find("new").isPresent());
    }

    private TokenRecord record(String jti) {
        long now = clock.instant().getEpochSecond();
        return new TokenRecord(jti, "00", TokenRecord.API, "user", null, now, now + 60, false, AuthState.BOOTSTRAP);
    }
}
