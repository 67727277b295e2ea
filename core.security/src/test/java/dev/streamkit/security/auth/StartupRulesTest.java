package dev.streamkit.security.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.config.ServerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupRulesTest {

    private static ServerConfig config(String address, String mode) {
        ServerConfig config = new ServerConfig();
        config.server.address = address;
        config.auth.mode = mode;
        return config;
    }

    @Test
    void autoModeTurnsAuthOnBeyondLoopbackAndLetsItStart() {
        assertFalse(StartupRules.authEnabled(config("127.0.0.1:4545", "auto")));
        assertTrue(StartupRules.authEnabled(config("0.0.0.0:4545", "auto")));
        assertTrue(StartupRules.authEnabled(config("[::1]:4545", "enabled")));
        assertNull(StartupRules.refusal(config("0.0.0.0:4545", "auto")));
        assertNull(StartupRules.warning(config("0.0.0.0:4545", "auto")));
    }

    @Test
    void disabledBeyondLoopbackKeepsStreamKitsRule() {
        ServerConfig open = config("0.0.0.0:4545", "disabled");
        assertTrue(StartupRules.refusal(open).startsWith("Refusing to listen on non-loopback address '0.0.0.0'"));
        open.permissions.allowInsecureNoAuth = true;
        assertNull(StartupRules.refusal(open));
        assertNotNull(StartupRules.warning(open));
        assertNull(StartupRules.warning(config("127.0.0.1:4545", "disabled")));
    }

    @Test
    void refusesAWildcardOriginWhileAuthIsOn() {
        ServerConfig wildcard = config("0.0.0.0:4545", "auto");
        wildcard.server.cors.allowedOrigins = List.of("*");
        assertTrue(StartupRules.refusal(wildcard).contains("allowed_origins contains \"*\""));
        ServerConfig loopback = config("127.0.0.1:4545", "auto");
        loopback.server.cors.allowedOrigins = List.of("*");
        assertNull(StartupRules.refusal(loopback), "auth off: * is accepted");
    }
}
