package dev.streamkit.transport.http3.osgi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.security.tls.PemPrivateKeys;
import dev.streamkit.security.tls.TlsIdentity;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsKeyStoresTest {

    private static final byte[] OID_P256 = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};

    @TempDir
    Path dir;

    @Test
    void generatesASelfSignedLocalhostCertificateOnceAndReusesIt() throws Exception {
        TlsIdentity first = TlsKeyStores.selfSigned(dir);
        X509Certificate certificate = (X509Certificate) first.keyStore().getCertificate(TlsKeyStores.ALIAS);
        assertEquals("CN=localhost", certificate.getSubjectX500Principal().getName());
        List<String> names = certificate.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
        assertTrue(names.contains("localhost") && names.contains("127.0.0.1"), names.toString());
        assertTrue(first.keyStore().getKey(TlsKeyStores.ALIAS, first.password()) instanceof PrivateKey);
        assertTrue(Files.isRegularFile(dir.resolve(TlsKeyStores.SELF_SIGNED_FILE)));

        TlsIdentity second = TlsKeyStores.selfSigned(dir);
        assertEquals(certificate, second.keyStore().getCertificate(TlsKeyStores.ALIAS));
        assertArrayEquals(first.password(), second.password());
    }

    @Test
    void regeneratesAnUnreadableKeyStore() throws Exception {
        Files.writeString(dir.resolve(TlsKeyStores.SELF_SIGNED_FILE), "garbage");
        Files.writeString(dir.resolve(TlsKeyStores.PASSWORD_FILE), "nope");
        TlsIdentity loaded = TlsKeyStores.selfSigned(dir);
        assertTrue(loaded.keyStore().isKeyEntry(TlsKeyStores.ALIAS));
    }

    @Test
    void loadsPemCertificateAndPkcs8Pkcs1Sec1Keys() throws Exception {
        TlsIdentity ec = TlsKeyStores.selfSigned(dir);
        PrivateKey ecKey = (PrivateKey) ec.keyStore().getKey(TlsKeyStores.ALIAS, ec.password());
        Certificate ecCert = ec.keyStore().getCertificate(TlsKeyStores.ALIAS);
        Path cert = dir.resolve("cert.pem");
        Files.writeString(cert, pem("CERTIFICATE", ecCert.getEncoded()));

        Path pkcs8 = dir.resolve("pkcs8.pem");
        Files.writeString(pkcs8, pem("PRIVATE KEY", ecKey.getEncoded()));
        assertKey(TlsIdentity.fromPem(cert, pkcs8), ecKey, ecCert);

        // SEC1 with a named curve, as "openssl ecparam -genkey" writes it (after an EC PARAMETERS block).
        byte[] inner = lastOctetString(ecKey.getEncoded());
        byte[] sec1 = withCurve(inner);
        Path sec1Pem = dir.resolve("sec1.pem");
        Files.writeString(sec1Pem, pem("EC PARAMETERS", OID_P256) + pem("EC PRIVATE KEY", sec1));
        assertKey(TlsIdentity.fromPem(cert, sec1Pem), ecKey, ecCert);

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        PrivateKey rsaKey = rsa.generateKeyPair().getPrivate();
        PrivateKey pkcs1 = PemPrivateKeys.read(pem("RSA PRIVATE KEY", lastOctetString(rsaKey.getEncoded())));
        assertArrayEquals(rsaKey.getEncoded(), pkcs1.getEncoded());
    }

    @Test
    void rejectsEncryptedAndMissingKeys() {
        GeneralSecurityException encrypted = assertThrows(GeneralSecurityException.class,
                () -> PemPrivateKeys.read(pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0x00})));
        assertTrue(encrypted.getMessage().contains("openssl pkcs8"));
        assertThrows(GeneralSecurityException.class, () -> PemPrivateKeys.read("no key here"));
    }

    private static void assertKey(TlsIdentity loaded, PrivateKey key, Certificate cert) throws Exception {
        KeyStore keyStore = loaded.keyStore();
        // Same private value; the encoding may differ (a SEC1 key keeps its curve parameters inside).
        assertEquals(((ECPrivateKey) key).getS(), ((ECPrivateKey) keyStore.getKey(TlsKeyStores.ALIAS, loaded.password())).getS());
        assertEquals(cert, keyStore.getCertificate(TlsKeyStores.ALIAS));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The key inside a PKCS#8 PrivateKeyInfo: the content of its last top-level OCTET STRING. */
    private static byte[] lastOctetString(byte[] pkcs8) {
        int[] outer = header(pkcs8, 0);
        int at = outer[0];
        byte[] last = null;
        while (at < outer[0] + outer[1]) {
            int[] h = header(pkcs8, at);
            if (pkcs8[at] == 0x04) last = Arrays.copyOfRange(pkcs8, h[0], h[0] + h[1]);
            at = h[0] + h[1];
        }
        return last;
    }

    /** ECPrivateKey {version, privateKey} plus [0] namedCurve P-256. */
    private static byte[] withCurve(byte[] sec1) {
        int[] outer = header(sec1, 0);
        int at = outer[0];
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int i = 0; i < 2; i++) {
            int[] h = header(sec1, at);
            content.write(sec1, at, h[0] + h[1] - at);
            at = h[0] + h[1];
        }
        content.write(0xA0);
        content.write(OID_P256.length);
        content.writeBytes(OID_P256);
        byte[] body = content.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(body.length);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static int[] header(byte[] der, int at) {
        int length = der[at + 1] & 0xFF;
        int offset = at + 2;
        if (length > 0x80) {
            int bytes = length & 0x7F;
            length = 0;
            for (int i = 0; i < bytes; i++) length = (length << 8) | (der[offset++] & 0xFF);
        }
        return new int[] {offset, length};
    }
}
