package dev.streamkit.moq.session;

import java.io.IOException;

/** A broadcast, track or group ended abnormally: aborted by its producer, reset by the peer, or its session lost. */
public class MoqException extends IOException {

    private final long errorCode;

    public MoqException(long errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    /** The moq-lite or application error code carried on the wire (0 when none). */
    public long errorCode() {
        return errorCode;
    }
}
