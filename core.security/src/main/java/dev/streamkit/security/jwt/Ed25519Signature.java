package dev.streamkit.security.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Set;

/**
 * EdDSA (Ed25519) JWS signing and verification with the JDK's provider, in Nimbus's signer and verifier
 * shapes. Only {@code EdDSA} is supported: a header naming any other algorithm never verifies, which is
 * what stops {@code alg: none} and HMAC-with-the-public-key forgeries.
 */
final class Ed25519Signature implements JWSSigner, JWSVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA);
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final JCAContext context = new JCAContext();

    private Ed25519Signature(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static Ed25519Signature signer(PrivateKey key) {
        return new Ed25519Signature(key, null);
    }

    static Ed25519Signature verifier(PublicKey key) {
        return new Ed25519Signature(null, key);
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (privateKey == null || !JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("Only EdDSA signing with a private key is supported");
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(signingInput);
            return Base64URL.encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new JOSEException("EdDSA signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signatureValue) {
        if (publicKey == null || !JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) return false;
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(signingInput);
            return signature.verify(signatureValue.decode());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return ALGORITHMS;
    }

    @Override
    public JCAContext getJCAContext() {
        return context;
    }

    @Override
    public String toString() {
        return privateKey != null ? "Ed25519Signature[signer]" : "Ed25519Signature[verifier]";
    }
}
