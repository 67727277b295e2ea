package dev.streamkit.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hostile JWTs for a server's auth tests, made from its state directory: signed with its real Ed25519 key (read
 * from {@code auth.jwk}, as an attacker who stole it might) but with bad claims or headers, unsigned
 * ({@code alg: none}), or HMAC-signed with its public key's bytes.
 */
final class ForgedTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final PrivateKey key;
    private final String kid;
    private final byte[] publicKey;

    ForgedTokens(Path stateDir) throws Exception {
        JsonNode jwk = ControlClient.JSON.readTree(Files.readString(stateDir.resolve("auth.jwk")));
        byte[] d = Base64.getUrlDecoder().decode(jwk.get("d").asText());
        byte[] pkcs8 = new byte[PKCS8_PREFIX.length + d.length];
        System.arraycopy(PKCS8_PREFIX, 0, pkcs8, 0, PKCS8_PREFIX.length);
        System.arraycopy(d, 0, pkcs8, PKCS8_PREFIX.length, d.length);
        key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        kid = jwk.get("kid").asText();
        publicKey = Base64.getUrlDecoder().decode(jwk.get("x").asText());
    }

    /** The active key's id. */
    String kid() {
        return kid;
    }

    /** API-token claims valid for an hour, with {@code jti} (not in the server's registry unless minted there). */
    static Map<String, Object> apiClaims(String jti) {
        long now = System.currentTimeMillis() / 1000;
        return Map.of("aud", "skit-api", "sub", "token:" + jti, "role", "admin", "iat", now, "exp", now + 3600, "jti", jti);
    }

    /** Signed with the server's real key, under {@code header}. */
    String signed(Map<String, Object> header, Map<String, Object> claims) throws Exception {
        String input = part(header) + "." + part(claims);
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + URL.encodeToString(signature.sign());
    }

    /** {@code alg: none}, no signature. */
    static String unsigned(Map<String, Object> claims) throws Exception {
        return part(Map.of("alg", "none", "typ", "JWT")) + "." + part(claims) + ".";
    }

    /** HS256 with the server's public key bytes as the HMAC secret (the algorithm-confusion attack). */
    String hmacWithPublicKey(Map<String, Object> claims) throws Exception {
        String input = part(Map.of("alg", "HS256", "typ", "JWT", "kid", kid)) + "." + part(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
        return input + "." + URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String part(Map<String, Object> json) throws Exception {
        return URL.encodeToString(ControlClient.JSON.writeValueAsBytes(json));
    }
}
