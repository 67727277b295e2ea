package dev.streamkit.security.jwt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The minted-token registry ({@code tokens.json} in the state directory, mode 600): a token is accepted
 * only while its {@code jti} is here, its hash matches and it is not revoked. Every change is written
 * through {@link CrashSafeFile} before it is visible, so the registry survives restarts and a crash
 * mid-write leaves the previous version. Records of expired tokens are dropped on the next write.
 * Thread-safe.
 */
public final class TokenRegistry {

    static final String FILE = "tokens.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<TokenRecord>> LIST = new TypeReference<>() { };

    private final Path file;
    private final Clock clock;
    private final Map<String, TokenRecord> byJti = new LinkedHashMap<>();

    private TokenRegistry(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * Loads the registry from {@code dir} (empty when the file does not exist yet).
     *
     * @throws IOException when the file cannot be read or is malformed (never treated as empty: that
     *                     would silently forget revocations)
     */
    public static TokenRegistry open(Path dir, Clock clock) throws IOException {
        TokenRegistry registry = new TokenRegistry(dir.resolve(FILE), clock);
        if (Files.exists(registry.file)) {
            CrashSafeFile.requireOwnerOnly(registry.file);
            for (TokenRecord record : JSON.readValue(registry.file.toFile(), LIST)) registry.byJti.put(record.jti(), record);
        }
        return registry;
    }

    /** Adds a freshly minted token's record and persists it. */
    public synchronized void add(TokenRecord record) throws IOException {
        Map<String, TokenRecord> next = new LinkedHashMap<>(byJti);
        next.put(record.jti(), record);
        persist(next);
    }

    /** The record of {@code jti}, revoked or not. */
    public synchronized Optional<TokenRecord> find(String jti) {
        return Optional.ofNullable(byJti.get(jti));
    }

    /** Every record (metadata only), in minting order. */
    public synchronized List<TokenRecord> list() {
        return new ArrayList<>(byJti.values());
    }

    /** Whether nothing was ever minted (or everything minted has expired). */
    public synchronized boolean isEmpty() {
        return byJti.isEmpty();
    }

    /**
     * Revokes {@code jti} and persists it; effective at once for every later verification.
     *
     * @return {@code false} when no such token is known
     */
    public synchronized boolean revoke(String jti) throws IOException {
        TokenRecord record = byJti.get(jti);
        if (record == null) return false;
        Map<String, TokenRecord> next = new LinkedHashMap<>(byJti);
        next.put(jti, record.asRevoked());
        persist(next);
        return true;
    }

    @Override
    public synchronized String toString() {
        return "TokenRegistry[" + byJti.size() + " tokens]";
    }

    /** Writes {@code next} first; memory changes only once the file holds it. */
    private void persist(Map<String, TokenRecord> next) throws IOException {
        long now = clock.instant().getEpochSecond();
        next.values().removeIf(record -> record.exp() <= now);
        CrashSafeFile.writeOwnerOnly(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new ArrayList<>(next.values())));
        byJti.clear();
        byJti.putAll(next);
    }
}
