package dev.streamkit.security.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelfSignedCertificatesTest {

    @Test
    void makesAShortLivedP256CertificateForLocalhost() throws Exception {
        Instant now = Instant.parse("2026-01-10T12:00:00Z");
        TlsIdentity identity = SelfSignedCertificates.localhost(now, SelfSignedCertificates.WEBTRANSPORT_MAX_VALIDITY);
        X509Certificate certificate = identity.chain().get(0);

        certificate.verify(certificate.getPublicKey()); // self-signed, and the JDK parses what we wrote
        assertEquals(3, certificate.getVersion());
        assertEquals("SHA256withECDSA", certificate.getSigAlgName());
        assertEquals(256, ((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        assertTrue(certificate.getSubjectX500Principal().getName().contains("CN=localhost"));
        Duration validity = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        assertTrue(validity.compareTo(Duration.ofDays(14)) <= 0, "serverCertificateHashes takes at most 14 days: " + validity);
        certificate.checkValidity(Date.from(now));
        assertFalse(certificate.getNotAfter().toInstant().isBefore(now.plus(Duration.ofDays(13))));

        Set<String> names = new HashSet<>();
        Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
        for (List<?> alternative : alternatives) names.add(alternative.get(1).toString());
        assertTrue(names.contains("localhost"), names.toString());
        assertTrue(names.contains("127.0.0.1"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.equals("0:0:0:0:0:0:0:1") || n.equals("::1")), names.toString());

        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(identity.privateKey());
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        signer.initVerify(certificate.getPublicKey());
        signer.update(new byte[] {1, 2, 3});
        assertTrue(signer.verify(signature), "the key entry holds the certificate's private key");
    }

    @Test
    void fingerprintsAreTheLowercaseSha256OfTheDerCertificate() throws Exception {
        TlsIdentity identity = SelfSignedCertificates.localhost(Instant.now(), Duration.ofDays(1));
        List<String> fingerprints = identity.fingerprints();
        assertEquals(1, fingerprints.size());
        assertTrue(fingerprints.get(0).matches("[0-9a-f]{64}"), fingerprints.get(0));
        assertEquals(TlsIdentity.sha256Hex(identity.chain().get(0).getEncoded()), fingerprints.get(0));
        assertFalse(fingerprints.equals(SelfSignedCertificates.localhost(Instant.now(), Duration.ofDays(1)).fingerprints()),
                "every call makes a new key");
    }
}
