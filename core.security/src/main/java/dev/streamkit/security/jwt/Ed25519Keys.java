package dev.streamkit.security.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Converts between the JDK's Ed25519 keys and OKP JWKs. The JDK encodes an Ed25519 key as a fixed DER
 * prefix followed by the 32 raw bytes a JWK carries ({@code x} public, {@code d} private), so conversion
 * is a matter of adding or dropping that prefix. Using the JDK's provider keeps Nimbus's optional Tink
 * dependency out of the runtime.
 */
final class Ed25519Keys {

    private static final String ALGORITHM = "Ed25519";
    private static final byte[] PUBLIC_PREFIX = hex("302a300506032b6570032100");
    private static final byte[] PRIVATE_PREFIX = hex("302e020100300506032b657004220420");
    private static final int RAW_LENGTH = 32;

    private Ed25519Keys() {
    }

    /** A fresh key pair as a private JWK whose {@code kid} is its RFC 7638 thumbprint. */
    static OctetKeyPair generate() throws GeneralSecurityException, JOSEException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        byte[] x = raw(pair.getPublic().getEncoded(), PUBLIC_PREFIX);
        byte[] d = raw(pair.getPrivate().getEncoded(), PRIVATE_PREFIX);
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                .d(Base64URL.encode(d))
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.EdDSA)
                .keyIDFromThumbprint()
                .build();
    }

    static PublicKey publicKey(OctetKeyPair jwk) throws GeneralSecurityException {
        requireEd25519(jwk);
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(PUBLIC_PREFIX, jwk.getX().decode())));
    }

    static PrivateKey privateKey(OctetKeyPair jwk) throws GeneralSecurityException {
        requireEd25519(jwk);
        if (jwk.getD() == null) throw new GeneralSecurityException("JWK " + jwk.getKeyID() + " has no private part");
        return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(PRIVATE_PREFIX, jwk.getD().decode())));
    }

    private static void requireEd25519(OctetKeyPair jwk) throws GeneralSecurityException {
        if (!Curve.Ed25519.equals(jwk.getCurve())) throw new GeneralSecurityException("Not an Ed25519 JWK: " + jwk.getCurve());
    }

    private static byte[] raw(byte[] encoded, byte[] prefix) throws GeneralSecurityException {
        if (encoded.length != prefix.length + RAW_LENGTH
                || !Arrays.equals(encoded, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new GeneralSecurityException("Unexpected Ed25519 key encoding");
        }
        return Arrays.copyOfRange(encoded, prefix.length, encoded.length);
    }

    private static byte[] der(byte[] prefix, byte[] raw) throws GeneralSecurityException {
        if (raw.length != RAW_LENGTH) throw new GeneralSecurityException("An Ed25519 key has 32 bytes, not " + raw.length);
        byte[] der = Arrays.copyOf(prefix, prefix.length + RAW_LENGTH);
        System.arraycopy(raw, 0, der, prefix.length, RAW_LENGTH);
        return der;
    }

    private static byte[] hex(String text) {
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        return bytes;
    }
}
