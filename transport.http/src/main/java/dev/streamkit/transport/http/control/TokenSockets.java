package dev.streamkit.transport.http.control;

import dev.streamkit.security.auth.Caller;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The open control sockets that were authenticated with a token (auth on): each is closed (1008) when its token
 * expires, or when {@link #closeWhere} finds its token revoked. Thread-safe.
 */
final class TokenSockets {

    private final Scheduler scheduler;
    private final InstantSource clock;
    private final Map<ControlSocket, Scheduler.Task> open = new ConcurrentHashMap<>();

    TokenSockets(Scheduler scheduler, InstantSource clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Tracks {@code socket} when it has a token, scheduling its close at the token's expiry. */
    void opened(ControlSocket socket) {
        Caller caller = socket.caller();
        if (caller == null) return;
        long expiresAtMs = caller.exp() >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : caller.exp() * 1000;
        long delayMs = Math.max(0, expiresAtMs - clock.millis());
        open.put(socket, scheduler.schedule(() -> socket.closeForToken("Token expired"), delayMs, TimeUnit.MILLISECONDS));
    }

    /** Forgets {@code socket} and its scheduled close. */
    void closed(ControlSocket socket) {
        Scheduler.Task expiry = open.remove(socket);
        if (expiry != null) expiry.cancel();
    }

    /** Closes every tracked socket whose token id {@code revoked} accepts. */
    void closeWhere(Predicate<String> revoked) {
        for (ControlSocket socket : open.keySet()) {
            if (revoked.test(socket.caller().jti())) socket.closeForToken("Token revoked");
        }
    }
}
