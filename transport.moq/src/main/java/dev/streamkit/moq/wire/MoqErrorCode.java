package dev.streamkit.moq.wire;

/** The error codes moq-lite sends in stream resets and session closes (the same numbers as the reference server). */
public final class MoqErrorCode {

    /** Nothing wrong: the stream or session was cancelled or closed normally. */
    public static final long CANCEL = 0;
    /** A deadline passed (SETUP not received in time). */
    public static final long TIMEOUT = 3;
    /** The underlying transport failed. */
    public static final long TRANSPORT = 4;
    /** A message could not be decoded. */
    public static final long DECODE = 5;
    /** The peer is not allowed to do this. */
    public static final long UNAUTHORIZED = 6;
    /** No common protocol version. */
    public static final long VERSION = 9;
    /** A stream type this side does not know or does not expect. */
    public static final long UNEXPECTED_STREAM = 10;
    /** A bound was exceeded: streams, announcements, subscriptions, counts. */
    public static final long BOUNDS_EXCEEDED = 11;
    /** A subscription id or announcement was used twice. */
    public static final long DUPLICATE = 12;
    /** No such broadcast or track. */
    public static final long NOT_FOUND = 13;
    /** A message's declared size did not match its content. */
    public static final long WRONG_SIZE = 14;
    /** The peer broke the protocol in a way no other code names. */
    public static final long PROTOCOL_VIOLATION = 15;
    /** A message that is not valid at this point of the exchange. */
    public static final long UNEXPECTED_MESSAGE = 16;
    /** A feature this side does not support. */
    public static final long UNSUPPORTED = 17;
    /** Too many SETUP parameters. */
    public static final long TOO_MANY_PARAMETERS = 19;
    /** The producer went away. */
    public static final long CLOSED = 25;
    /** A frame larger than this side accepts. */
    public static final long FRAME_TOO_LARGE = 27;

    private MoqErrorCode() {
    }
}
