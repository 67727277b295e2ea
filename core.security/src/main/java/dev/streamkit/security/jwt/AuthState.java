package dev.streamkit.security.jwt;

import dev.streamkit.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The authentication state directory ({@code [auth].state_dir}) opened as one unit: its
 * {@link SigningKeys}, {@link TokenRegistry}, a {@link TokenMinter} and a {@link TokenVerifier} over them,
 * and the bootstrap {@code admin.token}. Opening creates the directory owner-only when missing and removes
 * temporary files a crash mid-write left behind. Writers hold the directory's {@link StateDirLock}, so a
 * server and {@code skit auth} sharing the directory cannot interleave their writes.
 */
public final class AuthState {

    static final String ADMIN_TOKEN_FILE = "admin.token";
    /** {@code created_by} of the bootstrap admin token. */
    public static final String BOOTSTRAP = "bootstrap";
    private static final String BOOTSTRAP_LABEL = "Bootstrap admin token";
    private static final String ADMIN_ROLE = "admin";

    private final Path dir;
    private final SigningKeys keys;
    private final TokenRegistry registry;
    private final TokenMinter minter;
    private final TokenVerifier verifier;

    private AuthState(Path dir, SigningKeys keys, TokenRegistry registry, TokenLifetimes lifetimes, Clock clock) {
        this.dir = dir;
        this.keys = keys;
        this.registry = registry;
        this.minter = new TokenMinter(keys, registry, lifetimes, clock);
        this.verifier = new TokenVerifier(keys, registry, clock);
    }

    /** Opens (creating when needed) the state directory {@code config.stateDir}, resolved against the working directory. */
    public static AuthState open(ServerConfig.Auth config, Clock clock) throws IOException {
        return open(Path.of(config.stateDir), TokenLifetimes.of(config), clock);
    }

    /** Opens (creating when needed) the state directory {@code dir}. */
    public static AuthState open(Path dir, TokenLifetimes lifetimes, Clock clock) throws IOException {
        CrashSafeFile.createOwnerOnlyDirectory(dir);
        // Under the lock: a temporary file is another process's write in progress until the lock is free.
        return StateDirLock.holding(dir, () -> {
            removeLeftovers(dir);
            SigningKeys keys = SigningKeys.open(dir, clock, lifetimes.longest());
            return new AuthState(dir, keys, TokenRegistry.open(dir, clock), lifetimes, clock);
        });
    }

    /** The signing and verification keys. */
    public SigningKeys keys() {
        return keys;
    }

    /** The minted-token registry (list, revoke). */
    public TokenRegistry registry() {
        return registry;
    }

    /** Mints API and MoQ tokens. */
    public TokenMinter minter() {
        return minter;
    }

    /** Verifies API and MoQ tokens. */
    public TokenVerifier verifier() {
        return verifier;
    }

    /** Where the bootstrap admin token lives ({@code skit auth print-admin-token} prints it). */
    public Path adminTokenFile() {
        return adminTokenFile(dir);
    }

    /** Where the bootstrap admin token of the state directory {@code dir} lives, without opening it. */
    public static Path adminTokenFile(Path dir) {
        return dir.resolve(ADMIN_TOKEN_FILE);
    }

    /**
     * Called when auth is enabled: when no token was ever minted and there is no {@code admin.token}, mints
     * an admin token with the maximum API TTL and writes it to {@code admin.token} (mode 600).
     *
     * @return whether a token was written
     */
    public boolean bootstrapAdminToken() throws IOException {
        return StateDirLock.holding(dir, () -> {
            if (!registry.isEmpty() || Files.exists(adminTokenFile())) return false;
            writeAdminToken();
            return true;
        });
    }

    /**
     * {@code skit auth rotate-key}: a new active signing key (the old one keeps verifying its tokens until
     * they expire) and a new bootstrap admin token signed with it.
     */
    public void rotateKey() throws IOException {
        StateDirLock.holding(dir, () -> {
            keys.rotate();
            writeAdminToken();
            return null;
        });
    }

    @Override
    public String toString() {
        return "AuthState[" + dir + ", " + keys + ", " + registry + "]";
    }

    private void writeAdminToken() throws IOException {
        MintedToken admin = minter.mintApi(ADMIN_ROLE, BOOTSTRAP_LABEL, minterMaxApiTtl(), BOOTSTRAP);
        CrashSafeFile.writeOwnerOnly(adminTokenFile(), admin.token().getBytes(StandardCharsets.UTF_8));
    }

    private Long minterMaxApiTtl() {
        return minter.lifetimes().api().maxSecs();
    }

    private static void removeLeftovers(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*")) {
            for (Path file : files) {
                if (CrashSafeFile.isTemporary(file)) Files.deleteIfExists(file);
            }
        }
    }
}
