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
import dev.streamkit.security.tls.TlsIdentity;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The self-signed key store of the HTTP/3 listener (PEM files go through {@link TlsIdentity#fromPem}): one for
 * {@code localhost}/{@code 127.0.0.1} made with the JDK's {@code keytool} (Java has no public API to create
 * certificates) and kept in the data folder for the next start.
 */
final class TlsKeyStores {

    static final String ALIAS = TlsIdentity.ALIAS;
    static final String SELF_SIGNED_FILE = "self-signed.p12";
    static final String PASSWORD_FILE = "self-signed.password";
    private static final int VALIDITY_DAYS = 365;
    private static final Duration MIN_REMAINING = Duration.ofDays(1);
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private TlsKeyStores() {
    }

    /**
     * The self-signed key store in {@code dir}, generated with keytool when missing, unreadable or expiring
     * within a day.
     */
    static TlsIdentity selfSigned(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        Path store = dir.resolve(SELF_SIGNED_FILE);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        if (Files.isRegularFile(store) && Files.isRegularFile(passwordFile)) {
            try {
                char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
                KeyStore keyStore = load(store, password);
                Certificate certificate = keyStore.getCertificate(ALIAS);
                if (certificate instanceof X509Certificate x509 && keyStore.isKeyEntry(ALIAS)
                        && x509.getNotAfter().after(Date.from(Instant.now().plus(MIN_REMAINING)))) {
                    return new TlsIdentity(keyStore, password);
                }
            } catch (IOException | GeneralSecurityException unusable) {
                // regenerate below
            }
        }
        char[] password = TlsIdentity.newPassword();
        Path tmp = dir.resolve(SELF_SIGNED_FILE + ".tmp");
        Files.deleteIfExists(tmp);
        keytool(tmp, password);
        Path tmpPassword = dir.resolve(PASSWORD_FILE + ".tmp");
        Files.writeString(tmpPassword, new String(password), StandardCharsets.US_ASCII);
        restrictToOwner(tmpPassword);
        restrictToOwner(tmp);
        move(tmpPassword, passwordFile);
        move(tmp, store);
        return new TlsIdentity(load(store, password), password);
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
}
