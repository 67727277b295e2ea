package dev.streamkit.moq.wire;

/** The first varint of a moq-lite stream, saying what it carries. */
public final class StreamType {

    /** Bidi: the SETUP session stream (never opened as such by the current clients). */
    public static final long SESSION = 0;
    /** Bidi: ANNOUNCE_INTEREST, answered by announcements. */
    public static final long ANNOUNCE = 1;
    /** Bidi: SUBSCRIBE, answered by SUBSCRIBE_OK / DROP. */
    public static final long SUBSCRIBE = 2;
    /** Bidi: FETCH (not served here). */
    public static final long FETCH = 3;
    /** Bidi: PROBE, bitrate estimates (lite-03+). */
    public static final long PROBE = 4;
    /** Bidi: GOAWAY (lite-04+). */
    public static final long GOAWAY = 5;
    /** Bidi: CLIENT_SETUP, draft-14 compatible. */
    public static final long CLIENT_SETUP = 0x20;
    /** The answer on the SETUP stream: SERVER_SETUP. */
    public static final long SERVER_SETUP = 0x21;
    /** Uni: one group of a subscription (a single byte 0x00). */
    public static final int GROUP = 0x00;

    private StreamType() {
    }
}
