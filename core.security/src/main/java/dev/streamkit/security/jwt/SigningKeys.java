package dev.streamkit.security.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's Ed25519 keys in the state directory: the active signing key as a private JWK in
 * {@code auth.jwk} (mode 600; any looser mode is refused) and every verification key in the public
 * {@code jwks.json}. Both are generated on first use. {@link #rotate} makes a new active key; the previous
 * public key stays in {@code jwks.json} with an expiry ({@code exp}) as late as the tokens it can have
 * signed, and is dropped after it. Thread-safe.
 */
public final class SigningKeys {

    static final String PRIVATE_FILE = "auth.jwk";
    static final String JWKS_FILE = "jwks.json";

    private final Path dir;
    private final Clock clock;
    private final Duration longestTokenLife;
    private OctetKeyPair active;
    private Ed25519Signature signer;
    private final Map<String, OctetKeyPair> verificationKeys = new LinkedHashMap<>();

    private SigningKeys(Path dir, Clock clock, Duration longestTokenLife) {
        this.dir = dir;
        this.clock = clock;
        this.longestTokenLife = longestTokenLife;
    }

    /**
     * Loads the keys from {@code dir}, generating them when absent.
     *
     * @param longestTokenLife how long a retired key keeps verifying: the longest TTL a token may have
     * @throws IOException when a file cannot be read or written, is malformed, or {@code auth.jwk} is not owner-only
     */
    public static SigningKeys open(Path dir, Clock clock, Duration longestTokenLife) throws IOException {
        SigningKeys keys = new SigningKeys(dir, clock, longestTokenLife);
        keys.load();
        return keys;
    }

    /** The {@code kid} new tokens are signed with. */
    public synchronized String activeKeyId() {
        return active.getKeyID();
    }

    /** Signs {@code claims} with the active key ({@code alg} EdDSA, {@code typ} JWT, its {@code kid}). */
    synchronized String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(JOSEObjectType.JWT).keyID(active.getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing with the active key failed", e);
        }
        return jwt.serialize();
    }

    /** The verifier for {@code kid} while that key is current or retired but not expired. */
    synchronized Optional<Ed25519Signature> verifierFor(String kid) {
        OctetKeyPair key = verificationKeys.get(kid);
        return key == null || expired(key) ? Optional.empty() : Optional.of(verifierOf(key));
    }

    /** Verifiers for every key that may still verify, for a token whose header names no {@code kid}. */
    synchronized List<Ed25519Signature> allVerifiers() {
        List<Ed25519Signature> verifiers = new ArrayList<>();
        for (OctetKeyPair key : verificationKeys.values()) {
            if (!expired(key)) verifiers.add(verifierOf(key));
        }
        return verifiers;
    }

    /** The public JWKS ({@code {"keys": [...]}}) as served at {@code /.well-known/jwks.json}. */
    public synchronized String publicJwks() {
        List<JWK> keys = new ArrayList<>();
        for (OctetKeyPair key : verificationKeys.values()) {
            if (!expired(key)) keys.add(key.toPublicJWK());
        }
        return new JWKSet(keys).toString(true);
    }

    /**
     * Replaces the active key with a fresh one. The old public key keeps verifying until
     * {@code now + longestTokenLife}; tokens it signed keep their registry entries.
     */
    public void rotate() throws IOException {
        // The directory lock first, then this object's monitor: the order every writer takes them in.
        StateDirLock.holding(dir, () -> {
            synchronized (this) {
                // Keys another process published since this one loaded (an earlier skit auth rotate-key) stay.
                readPublicKeys().forEach(verificationKeys::putIfAbsent);
                OctetKeyPair retired = new OctetKeyPair.Builder(active.toPublicJWK())
                        .expirationTime(Date.from(clock.instant().plus(longestTokenLife))).build();
                verificationKeys.put(retired.getKeyID(), retired);
                install(generate());
            }
            return null;
        });
    }

    @Override
    public synchronized String toString() {
        return "SigningKeys[active kid=" + active.getKeyID() + ", " + verificationKeys.size() + " verification keys]";
    }

    /** The unexpired public keys in {@code jwks.json} (none when it does not exist yet). */
    private Map<String, OctetKeyPair> readPublicKeys() throws IOException {
        Map<String, OctetKeyPair> keys = new LinkedHashMap<>();
        Path jwks = dir.resolve(JWKS_FILE);
        if (!Files.exists(jwks)) return keys;
        try {
            for (JWK key : JWKSet.parse(Files.readString(jwks, StandardCharsets.UTF_8)).getKeys()) {
                if (key instanceof OctetKeyPair okp && !expired(okp)) keys.put(okp.getKeyID(), okp.toPublicJWK());
            }
        } catch (ParseException e) {
            throw new IOException("Malformed " + jwks + ": " + e.getMessage(), e);
        }
        return keys;
    }

    private void load() throws IOException {
        verificationKeys.putAll(readPublicKeys());
        Path privateFile = dir.resolve(PRIVATE_FILE);
        if (!Files.exists(privateFile)) {
            install(generate());
            return;
        }
        CrashSafeFile.requireOwnerOnly(privateFile);
        try {
            OctetKeyPair loaded = OctetKeyPair.parse(Files.readString(privateFile, StandardCharsets.UTF_8));
            if (loaded.getKeyID() == null || loaded.getD() == null) throw new ParseException("no kid or private part", 0);
            activate(loaded);
        } catch (ParseException | GeneralSecurityException e) {
            throw new IOException("Malformed " + privateFile + " (the key itself is not shown): " + e.getMessage(), e);
        }
        if (!verificationKeys.containsKey(active.getKeyID())) {
            verificationKeys.put(active.getKeyID(), active.toPublicJWK());
            writeJwks();
        }
    }

    private static OctetKeyPair generate() throws IOException {
        try {
            return Ed25519Keys.generate();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IOException("Cannot generate an Ed25519 key: " + e.getMessage(), e);
        }
    }

    /** Publishes the new key's public half first: a crash in between leaves the old key active and valid. */
    private void install(OctetKeyPair key) throws IOException {
        verificationKeys.put(key.getKeyID(), key.toPublicJWK());
        writeJwks();
        CrashSafeFile.writeOwnerOnly(dir.resolve(PRIVATE_FILE), key.toJSONString().getBytes(StandardCharsets.UTF_8));
        try {
            activate(key);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot use the generated key: " + e.getMessage(), e);
        }
    }

    private void activate(OctetKeyPair key) throws GeneralSecurityException {
        signer = Ed25519Signature.signer(Ed25519Keys.privateKey(key));
        active = key;
    }

    private void writeJwks() throws IOException {
        List<JWK> keys = new ArrayList<>(verificationKeys.values());
        CrashSafeFile.writePublic(dir.resolve(JWKS_FILE), new JWKSet(keys).toString(true).getBytes(StandardCharsets.UTF_8));
    }

    private boolean expired(OctetKeyPair key) {
        Date exp = key.getExpirationTime();
        return exp != null && !exp.toInstant().isAfter(clock.instant());
    }

    private static Ed25519Signature verifierOf(OctetKeyPair key) {
        try {
            return Ed25519Signature.verifier(Ed25519Keys.publicKey(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unusable verification key " + key.getKeyID(), e);
        }
    }
}
