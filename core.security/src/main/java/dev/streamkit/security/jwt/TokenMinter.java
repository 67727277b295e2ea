package dev.streamkit.security.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Issues StreamKit's two token kinds, signed with the active key and recorded in the registry before they
 * are returned: API tokens ({@code aud} {@value #API_AUDIENCE}, {@code role}) and MoQ tokens ({@code aud}
 * {@value #MOQ_AUDIENCE}, {@code root}, {@code get}/{@code put} path prefixes). The audiences keep each
 * kind from standing in for the other.
 */
public final class TokenMinter {

    /** Audience of API tokens. */
    public static final String API_AUDIENCE = "skit-api";
    /** Audience of MoQ tokens. */
    public static final String MOQ_AUDIENCE = "skit-moq";

    private final SigningKeys keys;
    private final TokenRegistry registry;
    private final TokenLifetimes lifetimes;
    private final Clock clock;

    /** A minter signing with {@code keys} and recording in {@code registry}. */
    public TokenMinter(SigningKeys keys, TokenRegistry registry, TokenLifetimes lifetimes, Clock clock) {
        this.keys = keys;
        this.registry = registry;
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    /**
     * Mints an API token.
     *
     * @param ttlSecs   {@code null} for the default TTL
     * @param createdBy the minting token's {@code jti}, or {@code bootstrap}
     * @throws IllegalArgumentException for a blank role or a TTL over the maximum (StreamKit's text)
     */
    public MintedToken mintApi(String role, String label, Long ttlSecs, String createdBy) throws IOException {
        if (role == null || role.isBlank()) throw new IllegalArgumentException("Missing role claim");
        long ttl = lifetimes.api().resolve(ttlSecs);
        Instant now = clock.instant();
        String jti = UUID.randomUUID().toString();
        JWTClaimsSet claims = base(API_AUDIENCE, jti, now, ttl).subject("token:" + jti).claim("role", role).build();
        return record(claims, TokenRecord.API, role, label, createdBy);
    }

    /**
     * Mints a MoQ token for connections under {@code root}; {@code ""} in a list allows every path,
     * an empty list none.
     *
     * @throws IllegalArgumentException for a blank root or a TTL over the maximum
     */
    public MintedToken mintMoq(String root, List<String> subscribe, List<String> publish, String label, Long ttlSecs,
                               String createdBy) throws IOException {
        if (root == null || root.isBlank()) throw new IllegalArgumentException("Missing root claim");
        long ttl = lifetimes.moq().resolve(ttlSecs);
        Instant now = clock.instant();
        String jti = UUID.randomUUID().toString();
        JWTClaimsSet claims = base(MOQ_AUDIENCE, jti, now, ttl).claim("root", root)
                .claim("get", List.copyOf(subscribe)).claim("put", List.copyOf(publish)).build();
        return record(claims, TokenRecord.MOQ, null, label, createdBy);
    }

    /** The TTL bounds this minter applies. */
    public TokenLifetimes lifetimes() {
        return lifetimes;
    }

    /** Hex SHA-256 of a raw token, as {@link TokenRecord#tokenHash()} holds it. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static JWTClaimsSet.Builder base(String audience, String jti, Instant now, long ttl) {
        return new JWTClaimsSet.Builder().audience(audience).jwtID(jti)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(ttl)));
    }

    private MintedToken record(JWTClaimsSet claims, String type, String role, String label, String createdBy) throws IOException {
        String token = keys.sign(claims);
        long exp = claims.getExpirationTime().toInstant().getEpochSecond();
        long iat = claims.getIssueTime().toInstant().getEpochSecond();
        registry.add(new TokenRecord(claims.getJWTID(), hash(token), type, role, label, iat, exp, false, createdBy));
        return new MintedToken(token, claims.getJWTID(), exp);
    }
}
