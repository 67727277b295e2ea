/**
 * TLS identities for the server's listeners: PEM certificate chains and private keys read with the JDK alone
 * ({@link dev.streamkit.security.tls.TlsIdentity#fromPem}, {@link dev.streamkit.security.tls.PemPrivateKeys}),
 * and self-signed certificates for {@code localhost} made in memory
 * ({@link dev.streamkit.security.tls.SelfSignedCertificates}), short-lived enough for WebTransport's
 * {@code serverCertificateHashes}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.streamkit.security.tls;
