package dev.streamkit.moq.gateway;

import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.SessionRequest;
import dev.streamkit.quic.WebTransportAcceptor;
import dev.streamkit.security.jwt.MoqAuthorizer;
import dev.streamkit.security.jwt.MoqGrant;
import dev.streamkit.security.jwt.TokenRejected;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * StreamKit's MoQ gateway: routes each WebTransport connection, by its exact path, to the
 * {@code transport::moq::peer} node that registered it.
 *
 * <pre>
 *   client ──CONNECT /moq/input?jwt=…──▶ endpoint ──accept──▶ MoqGateway
 *        1. MoqAuthorizer (if any) checks the token        → 401 when refused
 *        2. route of the exact path, waiting ≤ 30 s for it  → 404 when none came
 *        3. the peer admits the role with the token's grant → 403 / 409 / 503
 *        4. moq-lite handshake                              → the peer gets the MoqSession
 * </pre>
 *
 * <p>Never blocks a thread: a wait for a route is a future completed by the peer's registration or by a
 * task of the injected {@link Timeouts}; the admission and the handshake answer at once.
 */
public final class MoqGateway implements WebTransportAcceptor {

    /** StreamKit's wait for a session to register the path a client connects to. */
    public static final Duration ROUTE_WAIT = Duration.ofSeconds(30);
    /** At most this many connections wait for routes at once; more are refused at once. */
    public static final int MAX_WAITING = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MoqGateway.class);

    private final RouteTable routes;
    private final MoqHandshake handshake;
    private final Supplier<MoqAuthorizer> authorizer;
    private final Duration routeWait;

    /**
     * @param timeouts   runs the route-wait timeouts
     * @param handshake  the moq-lite layer's acceptance
     * @param authorizer the current authorizer, or {@code null} when none is registered (everything allowed)
     * @param routeWait  how long a connection waits for its path ({@link #ROUTE_WAIT})
     */
    public MoqGateway(Timeouts timeouts, MoqHandshake handshake, Supplier<MoqAuthorizer> authorizer,
                      Duration routeWait) {
        this.routes = new RouteTable(timeouts, MAX_WAITING);
        this.handshake = handshake;
        this.authorizer = authorizer;
        this.routeWait = routeWait;
    }

    /**
     * Registers the three routes of a peer at {@code basePath} (normalised): the base path, {@code /input} and
     * {@code /output}. Connections waiting for them go on at once.
     *
     * @return closing it removes the routes
     * @throws DuplicateRouteException when one of the paths is taken
     */
    public AutoCloseable register(String basePath, PeerEndpoint endpoint) throws DuplicateRouteException {
        Map<String, Route> wanted = new LinkedHashMap<>();
        for (GatewayRole role : GatewayRole.values()) wanted.put(role.pathUnder(basePath), new Route(endpoint, role));
        routes.registerAll(wanted);
        List<String> paths = List.copyOf(wanted.keySet());
        LOG.info("MoQ gateway: routes {} registered", paths);
        return () -> routes.unregisterAll(paths, endpoint);
    }

    /** The paths registered now and their roles, for tests and diagnostics. */
    public Map<GatewayRole, PeerEndpoint> routesAt(String basePath) {
        Map<GatewayRole, PeerEndpoint> found = new EnumMap<>(GatewayRole.class);
        for (GatewayRole role : GatewayRole.values()) {
            Route route = routes.lookup(role.pathUnder(basePath));
            if (route != null) found.put(role, route.endpoint());
        }
        return found;
    }

    /** How many connections wait for their route now. */
    public int waitingConnections() {
        return routes.waiting();
    }

    @Override
    public CompletionStage<Acceptance> accept(SessionRequest request) {
        MoqGrant grant;
        try {
            grant = authorize(request);
        } catch (TokenRejected rejected) {
            LOG.info("MoQ gateway: {} refused: {}", request.path(), rejected.getMessage());
            return CompletableFuture.completedFuture(new Acceptance.Refuse(401, rejected.getMessage()));
        }
        return routes.await(request.path(), routeWait).thenApply(route -> route == null
                ? new Acceptance.Refuse(404, "no session registered '" + request.path() + "'")
                : admit(route, grant, request));
    }

    private MoqGrant authorize(SessionRequest request) throws TokenRejected {
        MoqAuthorizer current = authorizer == null ? null : authorizer.get();
        if (current == null) return MoqGrant.ALL;
        return current.authorize(request.path(), request.queryParameter("jwt"));
    }

    private Acceptance admit(Route route, MoqGrant grant, SessionRequest request) {
        Admission admission = route.endpoint().admit(route.role(), grant);
        if (admission instanceof Admission.Refused refused) {
            LOG.info("MoQ gateway: {} ({}) refused {}: {}", request.path(), route.role(), refused.status(), refused.reason());
            return new Acceptance.Refuse(refused.status(), refused.reason());
        }
        Consumer<MoqSession> onSession = ((Admission.Admitted) admission).onSession();
        return handshake.accept(request, onSession);
    }
}
