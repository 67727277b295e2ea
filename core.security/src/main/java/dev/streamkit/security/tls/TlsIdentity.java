package dev.streamkit.security.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * A server's TLS identity: an in-memory PKCS#12 key store holding one key entry ({@link #ALIAS}) with its
 * certificate chain, and the password of both.
 *
 * @param keyStore the key store
 * @param password the password of the store and of the key entry
 */
public record TlsIdentity(KeyStore keyStore, char[] password) {

    /** The alias of the key entry. */
    public static final String ALIAS = "skit";

    /** An identity of {@code key} and its {@code chain} (leaf first), under a fresh random password. */
    public static TlsIdentity of(PrivateKey key, Certificate... chain) throws GeneralSecurityException {
        char[] password = newPassword();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try {
            keyStore.load(null, null);
        } catch (IOException impossible) {
            throw new GeneralSecurityException(impossible);
        }
        keyStore.setKeyEntry(ALIAS, key, password, chain);
        return new TlsIdentity(keyStore, password);
    }

    /** The certificate chain of {@code certPem} and the (unencrypted) private key of {@code keyPem}. */
    public static TlsIdentity fromPem(Path certPem, Path keyPem) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certPem)) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (chain.isEmpty()) throw new GeneralSecurityException("no certificate in " + certPem);
        PrivateKey key;
        try {
            key = PemPrivateKeys.read(Files.readString(keyPem, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException(keyPem + ": " + e.getMessage(), e);
        }
        return of(key, chain.toArray(new Certificate[0]));
    }

    /** A random password for a key store. */
    public static char[] newPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    /** The private key of the entry. */
    public PrivateKey privateKey() throws GeneralSecurityException {
        return (PrivateKey) keyStore.getKey(ALIAS, password);
    }

    /** The certificate chain, leaf first. */
    public List<X509Certificate> chain() throws GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate certificate : keyStore.getCertificateChain(ALIAS)) out.add((X509Certificate) certificate);
        return out;
    }

    /** Lowercase hex SHA-256 of each DER certificate of the chain, leaf first. */
    public List<String> fingerprints() throws GeneralSecurityException {
        List<String> out = new ArrayList<>();
        for (X509Certificate certificate : chain()) out.add(sha256Hex(certificate.getEncoded()));
        return out;
    }

    /** Lowercase hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
