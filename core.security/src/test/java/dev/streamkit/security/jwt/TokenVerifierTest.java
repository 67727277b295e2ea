package dev.streamkit.security.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reliability case 25: every forged, stale or misdirected token is refused. */
class TokenVerifierTest {

    private static final Predicate<String> ROLES = Set.of("admin", "user", "viewer")::contains;

    @TempDir
    Path dir;
    private final SteppingClock clock = new SteppingClock();
    private AuthState state;

    @BeforeEach
    void open() throws Exception {
        state = AuthState.open(dir, new TokenLifetimes(new TokenLifetimes.Lifetime(3600, 86400),
                new TokenLifetimes.Lifetime(600, 3600)), clock);
    }

    @Test
    void acceptsAMintedApiTokenWithItsRole() throws Exception {
        MintedToken minted = state.minter().mintApi("user", "ci", null, "bootstrap");
        ApiClaims claims = state.verifier().verifyApi(minted.token(), ROLES);
        assertEquals("user", claims.role());
        assertEquals(minted.jti(), claims.jti());
    }

    @Test
    void acceptsAMintedMoqTokenWithItsPaths() throws Exception {
        MintedToken minted = state.minter().mintMoq("/moq/s1", List.of("output"), List.of("input"), null, null, "bootstrap");
        MoqClaims claims = state.verifier().verifyMoq(minted.token());
        assertEquals("/moq/s1", claims.root());
        assertEquals(List.of("output"), claims.subscribe());
        assertEquals(List.of("input"), claims.publish());
    }

    @Test
    void refusesAlgNone() throws Exception {
        String payload = state.minter().mintApi("admin", null, null, "t").token().split("\\.")[1];
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)).toString();
        assertRefused(header + "." + payload + ".");
        assertRefused(header + "." + payload + ".AAAA");
    }

    @Test
    void refusesHs256KeyedWithThePublicKey() throws Exception {
        MintedToken minted = state.minter().mintApi("admin", null, null, "t");
        JWTClaimsSet claims = SignedJWT.parse(minted.token()).getJWTClaimsSet();
        OctetKeyPair key = activePrivateKey();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
        forged.sign(new MACSigner(key.getX().decode()));
        assertRefused(forged.serialize());
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        MintedToken minted = state.minter().mintApi("admin", null, 60L, "t");
        clock.advance(Duration.ofSeconds(60));
        assertEquals("Invalid token: expired", assertRefused(minted.token()));
    }

    @Test
    void refusesATokenNotValidYet() throws Exception {
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(state.keys().activeKeyId()),
                apiClaims().notBeforeTime(Date.from(clock.instant().plusSeconds(60))).build());
        assertEquals("Invalid token: not yet valid", assertRefused(token));
    }

    @Test
    void refusesEachAudienceWhereTheOtherBelongs() throws Exception {
        MintedToken moq = state.minter().mintMoq("/moq", List.of(""), List.of(""), null, null, "t");
        MintedToken api = state.minter().mintApi("admin", null, null, "t");
        assertEquals("Invalid token: wrong audience", assertRefused(moq.token()));
        TokenRejected onMoq = assertThrows(TokenRejected.class, () -> state.verifier().verifyMoq(api.token()));
        assertEquals("Invalid token: wrong audience", onMoq.getMessage());
    }

    @Test
    void refusesAnUnknownJti() throws Exception {
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(state.keys().activeKeyId()), apiClaims().build());
        assertEquals("Token not recognized (not minted by this server)", assertRefused(token));
    }

    @Test
    void refusesARevokedTokenAtOnce() throws Exception {
        MintedToken minted = state.minter().mintApi("admin", null, null, "t");
        assertTrue(state.registry().revoke(minted.jti()));
        assertEquals("Token has been revoked", assertRefused(minted.token()));
    }

    @Test
    void refusesAnUnknownRole() throws Exception {
        MintedToken minted = state.minter().mintApi("ghost", null, null, "t");
        assertEquals("Token has unknown role", assertRefused(minted.token()));
    }

    @Test
    void refusesHostileKeyIds() throws Exception {
        for (String kid : List.of("../../x", "/etc/passwd", "' OR 1=1 --", "a".repeat(10 * 1024))) {
            String token = sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(kid), apiClaims().build());
            String message = assertRefused(token);
            assertFalse(message.contains(kid), "the refusal must not echo the kid");
        }
    }

    @Test
    void refusesRemoteKeyReferencesWithoutFetchingThem() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).configureBlocking(false);
            URI elsewhere = URI.create("http://127.0.0.1:" + listener.socket().getLocalPort() + "/keys");
            String kid = state.keys().activeKeyId();
            String viaJku = sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(kid).jwkURL(elsewhere), apiClaims().build());
            String viaX5u = sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(kid).x509CertURL(elsewhere), apiClaims().build());
            assertEquals("Invalid token: unsupported header parameter", assertRefused(viaJku));
            assertEquals("Invalid token: unsupported header parameter", assertRefused(viaX5u));
            // Verification is synchronous: a fetch would have connected before it returned.
            assertNull(listener.accept(), "nothing connected to the referenced URL");
        }
    }

    @Test
    void refusesMalformedAndOversizedTokens() {
        for (String token : new String[] {"", "abc", "a.b.c", "....", "eyJ.eyJ.eyJ", "x".repeat(100_000)}) {
            assertRefused(token);
        }
        assertRefused(null);
    }

    @Test
    void refusesATamperedSignature() throws Exception {
        String token = state.minter().mintApi("admin", null, null, "t").token();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertRefused(tampered);
    }

    private String assertRefused(String token) {
        return assertThrows(TokenRejected.class, () -> state.verifier().verifyApi(token, ROLES)).getMessage();
    }

    private JWTClaimsSet.Builder apiClaims() {
        return new JWTClaimsSet.Builder().audience(TokenMinter.API_AUDIENCE).jwtID(UUID.randomUUID().toString())
                .claim("role", "admin").expirationTime(Date.from(clock.instant().plusSeconds(600)));
    }

    private String sign(JWSHeader.Builder header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(Ed25519Signature.signer(Ed25519Keys.privateKey(activePrivateKey())));
        return jwt.serialize();
    }

    private OctetKeyPair activePrivateKey() throws Exception {
        return OctetKeyPair.parse(Files.readString(dir.resolve(SigningKeys.PRIVATE_FILE)));
    }
}
