package dev.streamkit.moq.wire;

import dev.streamkit.moq.session.MoqException;

/** The peer sent something this side refuses; the session is closed with {@link #errorCode()} and the message. */
public final class ProtocolViolation extends MoqException {

    public ProtocolViolation(long errorCode, String message) {
        super(errorCode, message);
    }

    /** A malformed message: {@link MoqErrorCode#DECODE}. */
    public static ProtocolViolation decode(String message) {
        return new ProtocolViolation(MoqErrorCode.DECODE, message);
    }
}
