package dev.streamkit.security.jwt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuthModeTest {

    @Test
    void autoIsOffOnLoopbackAndOnElsewhere() {
        assertFalse(AuthMode.AUTO.enabledFor("127.0.0.1"));
        assertFalse(AuthMode.AUTO.enabledFor("::1"));
        assertFalse(AuthMode.AUTO.enabledFor("localhost"));
        assertTrue(AuthMode.AUTO.enabledFor("0.0.0.0"));
        assertTrue(AuthMode.AUTO.enabledFor("192.168.1.10"));
        assertTrue(AuthMode.AUTO.enabledFor("::"));
    }

    @Test
    void explicitModesIgnoreTheAddress() {
        assertTrue(AuthMode.ENABLED.enabledFor("127.0.0.1"));
        assertFalse(AuthMode.DISABLED.enabledFor("0.0.0.0"));
    }

    @Test
    void parsesConfiguredValuesAndRefusesOthers() {
        assertEquals(AuthMode.AUTO, AuthMode.parse(null));
        assertEquals(AuthMode.ENABLED, AuthMode.parse("Enabled"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuthMode.parse("on"));
        assertTrue(e.getMessage().contains("auto, enabled or disabled"));
    }
}
