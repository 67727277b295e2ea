package dev.streamkit.moq.gateway;

import dev.streamkit.moq.session.MoqSession;
import java.util.function.Consumer;

/** A peer endpoint's answer to a connection on one of its routes, before the moq-lite handshake. */
public sealed interface Admission {

    /**
     * Admitted: {@code onSession} gets the moq-lite session once it is up, on a transport thread; it must not
     * block. What the admission checked (a free publisher slot) is checked again there: another publisher
     * may have come first.
     */
    record Admitted(Consumer<MoqSession> onSession) implements Admission {
    }

    /** Refused with an HTTP status (403 grant, 409 publisher busy, 503 subscriber cap) and a reason for the log. */
    record Refused(int status, String reason) implements Admission {
    }
}
