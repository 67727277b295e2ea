package dev.streamkit.quic.kwik;

import dev.streamkit.security.tls.TlsIdentity;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a server whose leaf certificate has one of the given SHA-256 hashes, as a browser does with
 * {@code serverCertificateHashes}: no CA chain and no name check, the hash is the identity.
 */
final class PinnedCertificates implements X509TrustManager {

    private final Set<String> hashes;

    PinnedCertificates(List<String> hexHashes) {
        this.hashes = hexHashes.stream().map(h -> h.replace(":", "").toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) throw new CertificateException("no server certificate");
        String hash;
        try {
            hash = TlsIdentity.sha256Hex(chain[0].getEncoded());
        } catch (GeneralSecurityException e) {
            throw new CertificateException(e);
        }
        if (!hashes.contains(hash)) {
            throw new CertificateException("server certificate " + hash + " matches none of the pinned hashes");
        }
        chain[0].checkValidity();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not used");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
