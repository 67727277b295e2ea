package dev.streamkit.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.config.ConfigException;
import dev.streamkit.config.ServerConfig;
import dev.streamkit.security.auth.ListenHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SkitTest {

    /** Runs {@code action} capturing stdout and stderr. */
    private static String[] capture(Supplier<Integer> action, int[] exit) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            exit[0] = action.get();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[] {stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void printsDefaultConfiguration() {
        int[] exit = new int[1];
        String[] output = capture(() -> Skit.run(new String[] {"config", "default"}), exit);
        assertEquals(0, exit[0]);
        assertTrue(output[0].contains("[server]"), output[0]);
        assertTrue(output[0].contains("127.0.0.1:4545"), output[0]);
        assertTrue(output[0].contains("max_body_size = 104857600"), output[0]);
    }

    @Test
    void refusesUnknownCommandsAndMissingExplicitConfig() {
        int[] exit = new int[1];
        String[] output = capture(() -> Skit.run(new String[] {"frobnicate"}), exit);
        assertEquals(2, exit[0]);
        assertTrue(output[1].contains("unknown command 'frobnicate'"), output[1]);
        output = capture(() -> Skit.run(new String[] {"-c", "/nonexistent/skit.toml", "serve"}), exit);
        assertEquals(2, exit[0]);
        assertTrue(output[1].contains("not found"), output[1]);
    }

    @Test
    void refusesANonLoopbackAddressWithoutARoleHeaderUnlessAllowed() throws Exception {
        assertEquals("0.0.0.0", ListenHost.of("0.0.0.0:4545"));
        assertEquals("[::]", ListenHost.of("[::]:4545"));
        ServerConfig config = new ServerConfig();
        config.server.address = "127.0.0.1:4545";
        assertSame(config, Skit.refuseUnsafeExposure(config));
        config.server.address = "0.0.0.0:4545";
        assertSame(config, Skit.refuseUnsafeExposure(config), "auto mode: auth is on beyond loopback");
        config.auth.mode = "disabled";
        ConfigException refused = assertThrows(ConfigException.class, () -> Skit.refuseUnsafeExposure(config));
        assertTrue(refused.getMessage().startsWith("Refusing to listen on non-loopback address '0.0.0.0'"), refused.getMessage());
        config.permissions.roleHeader = "x-role";
        assertSame(config, Skit.refuseUnsafeExposure(config));
        config.permissions.roleHeader = null;
        config.permissions.allowInsecureNoAuth = true;
        assertSame(config, Skit.refuseUnsafeExposure(config));
    }
}
