package dev.streamkit.moq.wire;

/**
 * moq-lite versions and the WebTransport subprotocols that select them. {@code moq-lite-03}/{@code -04} fix the
 * version with no SETUP; {@code moql} (or no subprotocol) negotiates {@link #LITE_01}/{@link #LITE_02} in SETUP.
 */
public final class MoqVersion {

    public static final long LITE_01 = 0xff0dad01L;
    public static final long LITE_02 = 0xff0dad02L;
    public static final long LITE_03 = 0xff0dad03L;
    public static final long LITE_04 = 0xff0dad04L;
    /** IETF moq-transport draft 14: offered by the clients in SETUP, refused here. */
    public static final long IETF_DRAFT_14 = 0xff00000eL;

    public static final String PROTOCOL_LITE_04 = "moq-lite-04";
    public static final String PROTOCOL_LITE_03 = "moq-lite-03";
    /** The subprotocol that negotiates the version in SETUP. */
    public static final String PROTOCOL_SETUP = "moql";

    private MoqVersion() {
    }

    /** Whether the version uses ANNOUNCE_INIT, bare SUBSCRIBE_OK and a SETUP session stream (lite-01/02). */
    public static boolean isSetupEra(long version) {
        return version == LITE_01 || version == LITE_02;
    }

    /** Whether {@code version} is one this implementation speaks. */
    public static boolean isKnown(long version) {
        return version == LITE_01 || version == LITE_02 || version == LITE_03 || version == LITE_04;
    }

    /** The version a no-SETUP subprotocol fixes, or -1 when it negotiates in SETUP or is unknown. */
    public static long ofProtocol(String protocol) {
        if (PROTOCOL_LITE_04.equals(protocol)) {
            return LITE_04;
        }
        return PROTOCOL_LITE_03.equals(protocol) ? LITE_03 : -1;
    }

    /** A human-readable name, e.g. {@code moq-lite-02}. */
    public static String name(long version) {
        return isKnown(version) ? String.format("moq-lite-%02d", version & 0xff) : "0x" + Long.toHexString(version);
    }
}
