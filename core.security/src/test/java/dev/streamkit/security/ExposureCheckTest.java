package dev.streamkit.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.config.ServerConfig;
import org.junit.jupiter.api.Test;

class ExposureCheckTest {

    @Test
    void loopbackAddressesNeedNothing() {
        ServerConfig.Permissions config = new ServerConfig.Permissions();
        for (String host : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"}) {
            assertNull(ExposureCheck.refusal(host, config), host);
        }
    }

    @Test
    void otherAddressesNeedARoleHeaderOrAnExplicitOptOut() {
        ServerConfig.Permissions config = new ServerConfig.Permissions();
        String refusal = ExposureCheck.refusal("0.0.0.0", config);
        assertNotNull(refusal);
        assertTrue(refusal.contains("role_header") && refusal.contains("allow_insecure_no_auth"), refusal);
        assertFalse(ExposureCheck.isLoopback("::"));
        assertFalse(ExposureCheck.isLoopback("10.0.0.1"));
        config.roleHeader = "x-role";
        assertNull(ExposureCheck.refusal("0.0.0.0", config));
        config.roleHeader = null;
        config.allowInsecureNoAuth = true;
        assertNull(ExposureCheck.refusal("0.0.0.0", config));
    }
}
