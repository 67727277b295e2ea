package dev.streamkit.launcher.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.launcher.auth.AuthCommandLine.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthCommandLineTest {

    @Test
    void mintApiTakesItsOptions() throws Exception {
        AuthCommandLine line = AuthCommandLine.parse(List.of("mint", "api", "--role", "user", "--label", "ci", "--ttl-secs", "3600",
                "--json", "--token-file", "t.jwt"));
        assertEquals(AuthCommandLine.MINT_API, line.action());
        assertEquals("user", line.options().get("role"));
        assertEquals("ci", line.options().get("label"));
        assertEquals(3600L, line.ttlSecs());
        assertEquals("t.jwt", line.options().get("token-file"));
        assertTrue(line.json());
    }

    @Test
    void mintMoqCollectsRepeatedPathsAndKeepsTheEmptyOne() throws Exception {
        AuthCommandLine line = AuthCommandLine.parse(List.of("mint", "moq", "--root", "/moq/s1", "--subscribe", "",
                "--publish", "input", "--publish", "audio/left"));
        assertEquals(AuthCommandLine.MINT_MOQ, line.action());
        assertEquals(List.of(""), line.subscribe());
        assertEquals(List.of("input", "audio/left"), line.publish());
        assertNull(line.ttlSecs());
        assertFalse(line.json());
    }

    @Test
    void offlineCommandsParse() throws Exception {
        assertEquals(AuthCommandLine.PRINT_ADMIN_TOKEN, AuthCommandLine.parse(List.of("print-admin-token")).action());
        AuthCommandLine rotate = AuthCommandLine.parse(List.of("rotate-key", "--server", "http://127.0.0.1:1"));
        assertEquals("http://127.0.0.1:1", rotate.options().get("server"));
    }

    @Test
    void mistakesAreNamed() {
        assertRefused("missing auth command");
        assertRefused("unknown auth command 'frob'", "frob");
        assertRefused("mint what?", "mint");
        assertRefused("unknown auth command 'mint ssh'", "mint", "ssh");
        assertRefused("'mint api' needs --role", "mint", "api");
        assertRefused("'mint moq' needs --root", "mint", "moq", "--subscribe", "x");
        assertRefused("--role needs a value", "mint", "api", "--role");
        assertRefused("--role given twice", "mint", "api", "--role", "a", "--role", "b");
        assertRefused("'mint api' takes no option --root", "mint", "api", "--role", "a", "--root", "/x");
        assertRefused("'print-admin-token' takes no option --json", "print-admin-token", "--json");
        assertRefused("unexpected argument 'now'", "rotate-key", "now");
        assertRefused("not both", "mint", "api", "--role", "a", "--token", "t", "--token-file", "f");
        for (String ttl : List.of("0", "-5", "1h", "99999999999999999999")) {
            assertRefused("--ttl-secs must be a positive whole number", "mint", "api", "--role", "a", "--ttl-secs", ttl);
        }
    }

    private static void assertRefused(String expected, String... words) {
        UsageException refused = assertThrows(UsageException.class, () -> AuthCommandLine.parse(List.of(words)));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
