package dev.streamkit.security.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Accepts a token only when every check holds, in this order: size, compact form, header (exactly
 * {@code EdDSA}; no {@code jku}, {@code x5u}, {@code jwk}, {@code x5c} or {@code crit}, which are never
 * fetched nor honoured; a {@code kid}, when present, must be short, plain and known), signature, the
 * expected audience only, {@code exp} in the future, {@code nbf} (if any) not in the future, a {@code jti}
 * whose registry record matches this exact token and is not revoked, and for API tokens a role the server
 * knows. Refusals never echo the token. Stateless apart from its collaborators; thread-safe.
 */
public final class TokenVerifier {

    /** Longer tokens are refused before parsing (ours are a few hundred characters). */
    static final int MAX_TOKEN_CHARS = 8 * 1024;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final SigningKeys keys;
    private final TokenRegistry registry;
    private final Clock clock;

    /** A verifier trusting {@code keys} and {@code registry}. */
    public TokenVerifier(SigningKeys keys, TokenRegistry registry, Clock clock) {
        this.keys = keys;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Verifies an API token.
     *
     * @param knownRole whether a role name is configured; a token naming another role is refused
     */
    public ApiClaims verifyApi(String token, Predicate<String> knownRole) throws TokenRejected {
        JWTClaimsSet claims = verify(token, TokenMinter.API_AUDIENCE, TokenRecord.API);
        String role = text(claims, "role");
        if (role == null || role.isEmpty()) throw TokenRejected.invalid("Missing role claim");
        if (!knownRole.test(role)) throw TokenRejected.unknownRole();
        return new ApiClaims(claims.getJWTID(), role, epochSeconds(claims.getExpirationTime()));
    }

    /** Verifies a MoQ token; {@code subscribe}/{@code publish} are accepted as aliases of {@code get}/{@code put}. */
    public MoqClaims verifyMoq(String token) throws TokenRejected {
        JWTClaimsSet claims = verify(token, TokenMinter.MOQ_AUDIENCE, TokenRecord.MOQ);
        String root = text(claims, "root");
        if (root == null || root.isEmpty()) throw TokenRejected.invalid("Missing root claim");
        return new MoqClaims(claims.getJWTID(), root, paths(claims, "get", "subscribe"), paths(claims, "put", "publish"),
                epochSeconds(claims.getExpirationTime()));
    }

    @Override
    public String toString() {
        return "TokenVerifier[" + keys + ", " + registry + "]";
    }

    private JWTClaimsSet verify(String token, String audience, String tokenType) throws TokenRejected {
        if (token == null || token.isEmpty()) throw TokenRejected.invalid("empty");
        if (token.length() > MAX_TOKEN_CHARS) throw TokenRejected.invalid("too large");
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            checkHeader(jwt.getHeader());
            checkSignature(jwt);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw TokenRejected.invalid("malformed");
        }
        checkClaims(claims, audience);
        checkRegistry(token, claims.getJWTID(), tokenType);
        return claims;
    }

    private static void checkHeader(JWSHeader header) throws TokenRejected {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) throw TokenRejected.invalid("unsupported algorithm");
        if (header.getJWKURL() != null || header.getX509CertURL() != null || header.getJWK() != null
                || header.getX509CertChain() != null || header.getCriticalParams() != null) {
            throw TokenRejected.invalid("unsupported header parameter");
        }
        String kid = header.getKeyID();
        if (kid != null && !KEY_ID.matcher(kid).matches()) throw TokenRejected.invalid("unknown key");
    }

    private void checkSignature(SignedJWT jwt) throws TokenRejected {
        String kid = jwt.getHeader().getKeyID();
        List<Ed25519Signature> candidates = kid == null ? keys.allVerifiers() : keys.verifierFor(kid).stream().toList();
        if (candidates.isEmpty()) throw TokenRejected.invalid("unknown key");
        for (Ed25519Signature verifier : candidates) {
            if (verifier.verify(jwt.getHeader(), jwt.getSigningInput(), jwt.getSignature())) return;
        }
        throw TokenRejected.invalid("bad signature");
    }

    private void checkClaims(JWTClaimsSet claims, String audience) throws TokenRejected {
        if (!List.of(audience).equals(claims.getAudience())) throw TokenRejected.invalid("wrong audience");
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) throw TokenRejected.invalid("Missing exp claim");
        if (!exp.toInstant().isAfter(now)) throw TokenRejected.invalid("expired");
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now)) throw TokenRejected.invalid("not yet valid");
        String jti = claims.getJWTID();
        if (jti == null || jti.isEmpty()) throw TokenRejected.invalid("Missing jti claim (required for revocation)");
    }

    private void checkRegistry(String token, String jti, String tokenType) throws TokenRejected {
        TokenRecord record = registry.find(jti).orElseThrow(TokenRejected::notRecognized);
        if (!record.tokenType().equals(tokenType) || !record.tokenHash().equals(TokenMinter.hash(token))) {
            throw TokenRejected.notRecognized();
        }
        if (record.revoked()) throw TokenRejected.revoked();
    }

    private static String text(JWTClaimsSet claims, String name) throws TokenRejected {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw TokenRejected.invalid("malformed " + name + " claim");
        }
    }

    private static List<String> paths(JWTClaimsSet claims, String name, String alias) throws TokenRejected {
        try {
            List<String> paths = claims.getStringListClaim(name);
            if (paths == null) paths = claims.getStringListClaim(alias);
            return paths == null ? List.of() : paths;
        } catch (ParseException e) {
            throw TokenRejected.invalid("malformed " + name + " claim");
        }
    }

    private static long epochSeconds(Date date) {
        return date.toInstant().getEpochSecond();
    }
}
