package dev.streamkit.security.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirLockTest {

    @TempDir
    Path dir;
    private final SteppingClock clock = new SteppingClock();
    private final TokenLifetimes lifetimes = new TokenLifetimes(new TokenLifetimes.Lifetime(60, 600), new TokenLifetimes.Lifetime(60, 600));

    @Test
    void twoOpenStatesOnOneDirectoryKeepEachOthersTokens() throws Exception {
        AuthState server = AuthState.open(dir, lifetimes, clock);
        AuthState cli = AuthState.open(dir, lifetimes, clock);
        MintedToken byServer = server.minter().mintApi("user", "server", null, "t");
        cli.rotateKey();
        MintedToken afterRotation = server.minter().mintApi("user", "after", null, "t");
        assertTrue(server.registry().revoke(byServer.jti()));

        AuthState reopened = AuthState.open(dir, lifetimes, clock);
        assertTrue(reopened.registry().find(byServer.jti()).orElseThrow().revoked());
        assertTrue(reopened.registry().find(afterRotation.jti()).isPresent());
        String adminToken = java.nio.file.Files.readString(reopened.adminTokenFile());
        assertEquals("admin", reopened.verifier().verifyApi(adminToken, "admin"::equals).role(),
                "the CLI's new admin token survived the server's later writes");
        assertEquals("user", reopened.verifier().verifyApi(afterRotation.token(), "user"::equals).role(),
                "a token signed by the key the server still held verifies after the rotation");
    }

    @Test
    void nestedHoldsInOneThreadDoNotDeadlock() throws Exception {
        assertEquals("inner", StateDirLock.holding(dir, () -> StateDirLock.holding(dir, () -> "inner")));
    }

    @Test
    void anotherProcessHoldingTheLockMakesAWriterFailWithinItsWait() throws Exception {
        Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            IOException busy = assertThrows(IOException.class,
                    () -> StateDirLock.holding(dir, Duration.ofMillis(300), () -> "never"));
            assertTrue(busy.getMessage().contains("another process"), busy.getMessage());
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            assertEquals("free", StateDirLock.holding(dir, Duration.ofSeconds(5), () -> "free"));
        } finally {
            holder.destroyForcibly();
        }
    }

    /** Holds the lock of the directory in {@code args[0]} until its standard input closes. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]).resolve(StateDirLock.FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); var lock = channel.lock()) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent to close our input
                }
            }
        }
    }
}
