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
 * Each change re-reads the file under the state directory's {@link StateDirLock} and applies itself to
 * what it finds, so that the server and {@code skit auth} writing the same directory never drop each
 * other's records. Thread-safe.
 */
public final class TokenRegistry {

    static final String FILE = "tokens.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<TokenRecord>> LIST = new TypeReference<>() { };

    private final Path dir;
    private final Path file;
    private final Clock clock;
    private final Map<String, TokenRecord> byJti = new LinkedHashMap<>();

    private TokenRegistry(Path dir, Clock clock) {
        this.dir = dir;
        this.file = dir.resolve(FILE);
        this.clock = clock;
    }

    /**
     * Loads the registry from {@code dir} (empty when the file does not exist yet).
     *
     * @throws IOException when the file cannot be read or is malformed (never treated as empty: that
     *                     would silently forget revocations)
     */
    public static TokenRegistry open(Path dir, Clock clock) throws IOException {
        TokenRegistry registry = new TokenRegistry(dir, clock);
        registry.byJti.putAll(registry.read());
        return registry;
    }

    /** Adds a freshly minted token's record and persists it. */
    public void add(TokenRecord record) throws IOException {
        update(next -> {
            next.put(record.jti(), record);
            return true;
        });
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
    public boolean revoke(String jti) throws IOException {
        return update(next -> {
            TokenRecord record = next.get(jti);
            if (record == null) return false;
            next.put(jti, record.asRevoked());
            return true;
        });
    }

    @Override
    public synchronized String toString() {
        return "TokenRegistry[" + byJti.size() + " tokens]";
    }

    /** A change to the records; answers whether it changed anything (else nothing is written). */
    private interface Change {
        boolean apply(Map<String, TokenRecord> records);
    }

    /**
     * Applies {@code change} to the records on disk (another process may have written since this one last
     * read) and writes the result first; memory changes only once the file holds it.
     */
    private boolean update(Change change) throws IOException {
        // The directory lock first, then this object's monitor: the order every writer takes them in.
        return StateDirLock.holding(dir, () -> {
            synchronized (this) {
                Map<String, TokenRecord> next = read();
                boolean changed = change.apply(next);
                if (changed) {
                    long now = clock.instant().getEpochSecond();
                    next.values().removeIf(record -> record.exp() <= now);
                    CrashSafeFile.writeOwnerOnly(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new ArrayList<>(next.values())));
                }
                replaceMemory(next);
                return changed;
            }
        });
    }

    private void replaceMemory(Map<String, TokenRecord> records) {
        byJti.clear();
        byJti.putAll(records);
    }

    /** The records in the file (none when it does not exist yet); an unreadable or shared file is an error. */
    private Map<String, TokenRecord> read() throws IOException {
        Map<String, TokenRecord> records = new LinkedHashMap<>();
        if (Files.exists(file)) {
            CrashSafeFile.requireOwnerOnly(file);
            for (TokenRecord record : JSON.readValue(file.toFile(), LIST)) records.put(record.jti(), record);
        }
        return records;
    }
}
