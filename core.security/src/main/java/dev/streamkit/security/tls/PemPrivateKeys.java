package dev.streamkit.security.tls;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads unencrypted PEM private keys (PKCS#8, PKCS#1 RSA, SEC1 EC) with the JDK alone: PKCS#1 and SEC1 keys
 * are wrapped into PKCS#8 with a minimal DER writer, since the JDK's key factories read only PKCS#8.
 */
public final class PemPrivateKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final byte[] OID_RSA = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    private static final byte[] OID_EC = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

    private PemPrivateKeys() {
    }

    /** Reads a PEM private key: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}). */
    public static PrivateKey read(String pem) throws GeneralSecurityException {
        Matcher matcher = PEM.matcher(pem);
        while (matcher.find()) {
            String type = matcher.group(1);
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(der, "RSA", "EC", "Ed25519", "Ed448");
                case "RSA PRIVATE KEY":
                    return pkcs8(wrapPkcs8(Der.seq(OID_RSA, new byte[] {0x05, 0x00}), der), "RSA");
                case "EC PRIVATE KEY":
                    return pkcs8(wrapPkcs8(Der.seq(OID_EC, sec1CurveOid(der)), der), "EC");
                case "ENCRYPTED PRIVATE KEY":
                    throw new GeneralSecurityException("encrypted private keys are not supported; "
                            + "convert with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem");
                default:
                    // e.g. "EC PARAMETERS" before the key: skip
            }
        }
        throw new GeneralSecurityException("no PEM private key found (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
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
        return Der.seq(new byte[] {0x02, 0x01, 0x00}, algorithmIdentifier, Der.tlv(Der.OCTET_STRING, key));
    }

    /** The named-curve OID (whole TLV) of ECPrivateKey ::= SEQUENCE { version, privateKey, [0] parameters, ... }. */
    static byte[] sec1CurveOid(byte[] der) throws GeneralSecurityException {
        int[] outer = Der.header(der, 0);
        if ((der[0] & 0xFF) != 0x30) throw new GeneralSecurityException("EC PRIVATE KEY is not a DER SEQUENCE");
        int at = outer[0];
        int end = outer[0] + outer[1];
        while (at < end) {
            int tag = der[at] & 0xFF;
            int[] h = Der.header(der, at);
            if (tag == 0xA0) {
                int inner = h[0];
                if ((der[inner] & 0xFF) != 0x06) break;
                int[] oid = Der.header(der, inner);
                byte[] out = new byte[oid[0] - inner + oid[1]];
                System.arraycopy(der, inner, out, 0, out.length);
                return out;
            }
            at = h[0] + h[1];
        }
        throw new GeneralSecurityException("EC PRIVATE KEY without a named curve; use a PKCS#8 key");
    }
}
