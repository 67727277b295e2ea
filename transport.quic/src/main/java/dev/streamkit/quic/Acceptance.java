package dev.streamkit.quic;

/**
 * An acceptor's answer to a {@link SessionRequest}: accept with the chosen subprotocol and the handler for the
 * client's streams, or refuse with an HTTP status (404 no such path, 401/403 auth, 409 path busy, 400 bad
 * request). {@link #onEstablished} runs once the session is up, on an implementation thread.
 */
public sealed interface Acceptance {

    /** Accepts, answering {@code WT-Protocol: protocol} (empty: no header). */
    record Accept(String protocol, StreamHandler streams, java.util.function.Consumer<WebTransportSession> onEstablished)
            implements Acceptance {
    }

    /** Refuses with an HTTP status and a reason for the log. */
    record Refuse(int status, String reason) implements Acceptance {
    }
}
