package dev.streamkit.transport.http.control;

import dev.streamkit.engine.Engine;
import dev.streamkit.transport.http.api.ApiHandler;
import dev.streamkit.transport.http.api.NodeSchemaCatalog;
import dev.streamkit.transport.http.api.OriginPolicy;
import dev.streamkit.transport.http.api.RequestRoles;
import dev.streamkit.transport.http.api.RoleQuotas;
import dev.streamkit.transport.http.api.Responses;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * StreamKit's WebSocket control API, {@code GET /api/v1/control} (also under {@code [server].base_path}):
 * a {@link WebSocketUpgradeHandler} in front of the REST handler. The upgrade is refused with 403 when the
 * {@code Origin} is not allowed; text messages are capped at 1 MiB (larger ones close the socket with
 * 1009); frames are taken whole (no auto-fragmenting) so that a trickled frame is judged by the slow-client
 * guard. The caller's role is resolved once, from the upgrade request (its token when auth is on, else its
 * headers), and holds for the whole connection; a socket whose token expires or is revoked is closed
 * ({@link #closeRevoked}). Engine session events go to every open socket allowed to see them while the endpoint
 * is installed.
 */
public final class ControlEndpoint implements AutoCloseable {

    /** StreamKit's {@code SK_WEBSOCKET_MAX_MESSAGE_BYTES} default. */
    public static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    private static final String PATH = "/api/v1/control";

    private final Engine engine;
    private final OriginPolicy origins;
    private final RequestRoles roles;
    private final ControlRequests requests;
    private final EventBroadcaster events;
    private volatile TokenSockets withTokens;

    /**
     * @param nodeSchemas the node kinds, as {@code GET /api/v1/schema/nodes} lists them
     */
    public ControlEndpoint(Engine engine, OriginPolicy origins, RequestRoles roles, NodeSchemaCatalog nodeSchemas,
                           RoleQuotas quotas) {
        this.engine = engine;
        this.origins = origins;
        this.roles = roles;
        this.requests = new ControlRequests(engine, nodeSchemas, quotas);
        this.events = new EventBroadcaster(engine.sessions());
    }

    /**
     * Returns a handler serving the control socket and passing every other request to {@code next}, and
     * starts listening to engine events.
     *
     * @param basePath {@code [server].base_path}, or {@code null}
     */
    public Handler wrap(Server server, String basePath, Handler next) {
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            container.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
            container.setIdleTimeout(Duration.ZERO);
            // Whole frames only: the slow-client guard counts complete frames (a frame trickled byte by byte
            // would otherwise arrive as many fragments, each looking like progress). A single-frame message up
            // to the message cap still fits.
            container.setAutoFragment(false);
            container.setMaxFrameSize(MAX_MESSAGE_BYTES);
            container.addMapping(PATH, this::create);
            String base = ApiHandler.normalizeBasePath(basePath);
            if (base != null) container.addMapping(base + PATH, this::create);
        });
        upgrade.setHandler(next);
        withTokens = new TokenSockets(server.getScheduler(), Clock.systemUTC());
        engine.sessions().addListener(events);
        return upgrade;
    }

    private Object create(org.eclipse.jetty.websocket.server.ServerUpgradeRequest request,
                          org.eclipse.jetty.websocket.server.ServerUpgradeResponse response,
                          org.eclipse.jetty.util.Callback callback) {
        if (!origins.allows(request.getHeaders().get(HttpHeader.ORIGIN))) {
            Responses.text(response, callback, 403, "WebSocket Origin not allowed");
            return null;
        }
        return new ControlSocket(requests, roles.of(request), RequestRoles.caller(request), this::opened, this::closed);
    }

    private void opened(ControlSocket socket) {
        events.add(socket);
        withTokens.opened(socket);
    }

    private void closed(ControlSocket socket) {
        events.remove(socket);
        withTokens.closed(socket);
    }

    /** Closes every open socket whose token id {@code revoked} accepts (after a revocation or a key reload). */
    public void closeRevoked(Predicate<String> revoked) {
        TokenSockets current = withTokens;
        if (current != null) current.closeWhere(revoked);
    }

    /** Stops listening to engine events. */
    @Override
    public void close() {
        engine.sessions().removeListener(events);
    }
}
