package dev.streamkit.security.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Self-signed certificates for {@code localhost} made in memory: an ECDSA P-256 key, SHA-256 signature,
 * subject {@code CN=localhost}, subject alternative names {@code DNS:localhost}, {@code IP:127.0.0.1} and
 * {@code IP:::1}. With a validity of at most 14 days, browsers accept such a certificate through WebTransport's
 * {@code serverCertificateHashes} without any CA.
 */
public final class SelfSignedCertificates {

    /** The longest validity {@code serverCertificateHashes} accepts. */
    public static final Duration WEBTRANSPORT_MAX_VALIDITY = Duration.ofDays(14);

    private static final byte[] OID_ECDSA_SHA256 = oid(0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02);
    private static final byte[] OID_COMMON_NAME = oid(0x55, 0x04, 0x03);
    private static final byte[] OID_SUBJECT_ALT_NAME = oid(0x55, 0x1D, 0x11);
    private static final byte[] IPV4_LOOPBACK = {127, 0, 0, 1};
    private static final byte[] IPV6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private SelfSignedCertificates() {
    }

    /**
     * A new key and certificate for localhost, valid from a minute before {@code now} for {@code validity}.
     */
    public static TlsIdentity localhost(Instant now, Duration validity) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Instant notBefore = now.minus(CLOCK_SKEW);
        byte[] algorithm = Der.seq(OID_ECDSA_SHA256);
        byte[] name = Der.seq(Der.set(Der.seq(OID_COMMON_NAME, Der.utf8("localhost"))));
        byte[] altNames = Der.seq(
                Der.tlv(0x82, "localhost".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                Der.tlv(0x87, IPV4_LOOPBACK),
                Der.tlv(0x87, IPV6_LOOPBACK));
        byte[] extensions = Der.explicit(3, Der.seq(Der.seq(OID_SUBJECT_ALT_NAME, Der.tlv(Der.OCTET_STRING, altNames))));
        byte[] tbs = Der.seq(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(127, new SecureRandom()).add(BigInteger.ONE)),
                algorithm,
                name,
                Der.seq(Der.utcTime(notBefore.atZone(ZoneOffset.UTC)), Der.utcTime(notBefore.plus(validity).atZone(ZoneOffset.UTC))),
                name,
                keys.getPublic().getEncoded(),
                extensions);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] certificate = Der.seq(tbs, algorithm, Der.bitString(signer.sign()));
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
        return TlsIdentity.of(keys.getPrivate(), x509);
    }

    private static byte[] oid(int... encoded) {
        byte[] content = new byte[encoded.length];
        for (int i = 0; i < encoded.length; i++) content[i] = (byte) encoded[i];
        return Der.tlv(Der.OID, content);
    }
}
