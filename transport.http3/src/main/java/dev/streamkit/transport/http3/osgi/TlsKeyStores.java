package dev.streamkit.transport.http3.osgi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key stores for the HTTP/3 listener: one built in memory from PEM files, or a self-signed one for
 * {@code localhost}/{@code 127.0.0.1} made with the JDK's {@code keytool} (Java has no public API to create
 * certificates) and kept in the data folder for the next start.
 */
final class TlsKeyStores {

    static final String ALIAS = "skit";
    static final String SELF_SIGNED_FILE = "self-signed.p12";
    static final String PASSWORD_FILE = "self-signed.password";
    private static final int VALIDITY_DAYS = 365;
    private static final Duration MIN_REMAINING = Duration.ofDays(1);
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final byte[] OID_RSA = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    private static final byte[] OID_EC = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

    /** A key store holding one key entry ({@link #ALIAS}) and the password of both. */
    record Loaded(KeyStore keyStore, char[] password) {
    }

    private TlsKeyStores() {
    }

    /** The certificate chain of {@code certPem} and the (unencrypted) private key of {@code keyPem}. */
    static Loaded fromPem(Path certPem, Path keyPem) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certPem)) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (chain.isEmpty()) throw new GeneralSecurityException("no certificate in " + certPem);
        PrivateKey key;
        try {
            key = readPrivateKey(Files.readString(keyPem, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException(keyPem + ": " + e.getMessage(), e);
        }
        char[] password = newPassword();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(ALIAS, key, password, chain.toArray(new Certificate[0]));
        return new Loaded(keyStore, password);
    }

    /**
     * The self-signed key store in {@code dir}, generated with keytool when missing, unreadable or expiring
     * within a day.
     */
    static Loaded selfSigned(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        Path store = dir.resolve(SELF_SIGNED_FILE);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        if (Files.isRegularFile(store) && Files.isRegularFile(passwordFile)) {
            try {
                char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
                KeyStore keyStore = load(store, password);
                Certificate certificate = keyStore.getCertificate(ALIAS);
                if (certificate instanceof X509Certificate x509 && keyStore.isKeyEntry(ALIAS)
                        && x509.getNotAfter().after(Date.from(Instant.now().plus(MIN_REMAINING)))) {
                    return new Loaded(keyStore, password);
                }
            } catch (IOException | GeneralSecurityException unusable) {
                // regenerate below
            }
        }
        char[] password = newPassword();
        Path tmp = dir.resolve(SELF_SIGNED_FILE + ".tmp");
        Files.deleteIfExists(tmp);
        keytool(tmp, password);
        Path tmpPassword = dir.resolve(PASSWORD_FILE + ".tmp");
        Files.writeString(tmpPassword, new String(password), StandardCharsets.US_ASCII);
        restrictToOwner(tmpPassword);
        restrictToOwner(tmp);
        move(tmpPassword, passwordFile);
        move(tmp, store);
        return new Loaded(load(store, password), password);
    }

    /** Reads a PEM private key: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}). */
    static PrivateKey readPrivateKey(String pem) throws GeneralSecurityException {
        Matcher matcher = PEM.matcher(pem);
        while (matcher.find()) {
            String type = matcher.group(1);
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(der, "RSA", "EC", "Ed25519", "Ed448");
                case "RSA PRIVATE KEY":
                    return pkcs8(wrapPkcs8(seq(OID_RSA, new byte[] {0x05, 0x00}), der), "RSA");
                case "EC PRIVATE KEY":
                    return pkcs8(wrapPkcs8(seq(OID_EC, sec1CurveOid(der)), der), "EC");
                case "ENCRYPTED PRIVATE KEY":
                    throw new GeneralSecurityException("encrypted private keys are not supported; "
                            + "convert with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem");
                default:
                    // e.g. "EC PARAMETERS" before the key: skip
            }
        }
        throw new GeneralSecurityException("no PEM private key found (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    static char[] newPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    /** Best effort {@code rw-------}/{@code rwx------}; a no-op where POSIX permissions do not exist. */
    static void restrictToOwner(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system
        }
    }

    private static void keytool(Path store, char[] password) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException("cannot generate a self-signed certificate: " + keytool + " not found; "
                    + "set server.cert_path and server.key_path");
        }
        String pw = new String(password);
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", Integer.toString(VALIDITY_DAYS),
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", pw, "-keypass", pw));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(output);
            } catch (IOException ignored) {
                // process gone
            }
        }, "skit-keytool-output");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
        }
        reader.join(1_000);
        if (process.exitValue() != 0 || !Files.isRegularFile(store)) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): "
                    + output.toString(StandardCharsets.UTF_8).trim());
        }
    }

    private static KeyStore load(Path store, char[] password) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, password);
        }
        return keyStore;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    private static PrivateKey pkcs8(byte[] der, String... algorithms) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("unsupported private key", last);
    }

    // --- minimal DER, enough to wrap PKCS#1 / SEC1 keys into PKCS#8 ---

    /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING key }. */
    private static byte[] wrapPkcs8(byte[] algorithmIdentifier, byte[] key) {
        return seq(new byte[] {0x02, 0x01, 0x00}, algorithmIdentifier, tlv(0x04, key));
    }

    /** The named-curve OID (whole TLV) of ECPrivateKey ::= SEQUENCE { version, privateKey, [0] parameters, ... }. */
    static byte[] sec1CurveOid(byte[] der) throws GeneralSecurityException {
        int[] outer = header(der, 0);
        if ((der[0] & 0xFF) != 0x30) throw new GeneralSecurityException("EC PRIVATE KEY is not a DER SEQUENCE");
        int at = outer[0];
        int end = outer[0] + outer[1];
        while (at < end) {
            int tag = der[at] & 0xFF;
            int[] h = header(der, at);
            if (tag == 0xA0) {
                int inner = h[0];
                if ((der[inner] & 0xFF) != 0x06) break;
                int[] oid = header(der, inner);
                byte[] out = new byte[oid[0] - inner + oid[1]];
                System.arraycopy(der, inner, out, 0, out.length);
                return out;
            }
            at = h[0] + h[1];
        }
        throw new GeneralSecurityException("EC PRIVATE KEY without a named curve; use a PKCS#8 key");
    }

    /** Returns {content offset, content length} of the TLV at {@code at}. */
    private static int[] header(byte[] der, int at) throws GeneralSecurityException {
        if (at + 2 > der.length) throw new GeneralSecurityException("truncated DER");
        int length = der[at + 1] & 0xFF;
        int offset = at + 2;
        if (length > 0x80) {
            int bytes = length & 0x7F;
            if (bytes > 3 || offset + bytes > der.length) throw new GeneralSecurityException("bad DER length");
            length = 0;
            for (int i = 0; i < bytes; i++) length = (length << 8) | (der[offset++] & 0xFF);
        } else if (length == 0x80) {
            throw new GeneralSecurityException("indefinite DER length");
        }
        if (offset + length > der.length) throw new GeneralSecurityException("truncated DER");
        return new int[] {offset, length};
    }

    private static byte[] seq(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) content.writeBytes(part);
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
