package dev.streamkit.moq.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.SessionRequest;
import dev.streamkit.security.jwt.MoqAuthorizer;
import dev.streamkit.security.jwt.MoqGrant;
import dev.streamkit.security.jwt.TokenRejections;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Routing, waiting for a route, duplicates, auth and admission of the MoQ gateway. */
class MoqGatewayTest {

    private final ManualTimeouts timeouts = new ManualTimeouts();
    private final List<String> handshakes = new ArrayList<>();
    private final MoqHandshake handshake = (request, onReady) -> {
        handshakes.add(request.path());
        return new Acceptance.Accept("moq-lite-04", null, session -> { });
    };
    private MoqAuthorizer authorizer;
    private final MoqGateway gateway = new MoqGateway(timeouts, handshake, () -> authorizer, MoqGateway.ROUTE_WAIT);

    /** A peer that admits every role and records them with the grant it got. */
    private final List<String> admitted = new ArrayList<>();
    private final PeerEndpoint admitAll = (role, grant) -> {
        admitted.add(role.name());
        return new Admission.Admitted(session -> { });
    };

    private static SessionRequest request(String path, String jwt) {
        Map<String, List<String>> query = jwt == null ? Map.of() : Map.of("jwt", List.of(jwt));
        return new SessionRequest(path, query, List.of("moq-lite-04"), null, new InetSocketAddress("127.0.0.1", 1));
    }

    private static Acceptance now(CompletionStage<Acceptance> stage) {
        CompletableFuture<Acceptance> future = stage.toCompletableFuture();
        assertTrue(future.isDone(), "answered without waiting");
        return future.join();
    }

    @Test
    void registersTheBaseInputAndOutputRoutesOfAPeer() throws Exception {
        gateway.register("/moq/transcoder", admitAll);
        assertEquals(3, gateway.routesAt("/moq/transcoder").size());
        assertInstanceOf(Acceptance.Accept.class, now(gateway.accept(request("/moq/transcoder", null))));
        assertInstanceOf(Acceptance.Accept.class, now(gateway.accept(request("/moq/transcoder/input", null))));
        assertInstanceOf(Acceptance.Accept.class, now(gateway.accept(request("/moq/transcoder/output", null))));
        assertEquals(List.of("PEER", "PUBLISHER", "SUBSCRIBER"), admitted);
        assertEquals(3, handshakes.size());
    }

    @Test
    void routesAtTheRootPathHaveNoDoubleSlash() throws Exception {
        gateway.register("/", admitAll);
        assertEquals(3, gateway.routesAt("/").size());
        assertInstanceOf(Acceptance.Accept.class, now(gateway.accept(request("/input", null))));
    }

    @Test
    void aSecondRegistrationOfAPathFailsWithStreamKitsText() throws Exception {
        gateway.register("/moq", admitAll);
        DuplicateRouteException duplicate = assertThrows(DuplicateRouteException.class, () -> gateway.register("/moq", (r, g) -> null));
        assertEquals("Path pattern '/moq' is already registered", duplicate.getMessage());
        assertEquals(admitAll, gateway.routesAt("/moq").get(GatewayRole.PEER), "the first registration keeps its routes");
    }

    @Test
    void aRegistrationTakesAllOrNoneOfItsPaths() throws Exception {
        gateway.register("/moq/input", admitAll); // takes /moq/input/output among others
        assertThrows(DuplicateRouteException.class, () -> gateway.register("/moq", (r, g) -> null));
        assertNull(gateway.routesAt("/moq").get(GatewayRole.PEER), "nothing of the refused registration stays");
        assertNull(gateway.routesAt("/moq").get(GatewayRole.SUBSCRIBER));
    }

    @Test
    void aConnectionWaitsForItsRouteAndGoesOnWhenItIsRegistered() throws Exception {
        CompletableFuture<Acceptance> waiting = gateway.accept(request("/moq/output", null)).toCompletableFuture();
        assertFalse(waiting.isDone(), "no route yet: it waits");
        assertEquals(1, gateway.waitingConnections());
        gateway.register("/moq", admitAll);
        assertTrue(waiting.isDone(), "the registration woke it at once, no polling");
        assertInstanceOf(Acceptance.Accept.class, waiting.join());
        assertEquals(0, gateway.waitingConnections());
        assertEquals(List.of(MoqGateway.ROUTE_WAIT), timeouts.fireAll(), "the wait was bounded by 30 s");
        assertInstanceOf(Acceptance.Accept.class, waiting.join(), "a late timeout changes nothing");
    }

    @Test
    void aConnectionWhoseRouteNeverComesIsRefusedAfterTheWait() {
        CompletableFuture<Acceptance> waiting = gateway.accept(request("/moq/output", null)).toCompletableFuture();
        timeouts.fireAll();
        Acceptance.Refuse refused = assertInstanceOf(Acceptance.Refuse.class, waiting.join());
        assertEquals(404, refused.status());
        assertEquals(0, gateway.waitingConnections());
        assertTrue(handshakes.isEmpty());
    }

    @Test
    void closingARegistrationRemovesItsRoutes() throws Exception {
        AutoCloseable registration = gateway.register("/moq", admitAll);
        registration.close();
        assertTrue(gateway.routesAt("/moq").isEmpty());
        gateway.register("/moq", admitAll); // free again
    }

    @Test
    void theEndpointsRefusalBecomesTheConnectionsStatus() throws Exception {
        gateway.register("/moq", (role, grant) -> new Admission.Refused(409, "Publisher already connected"));
        Acceptance.Refuse refused = assertInstanceOf(Acceptance.Refuse.class, now(gateway.accept(request("/moq/input", null))));
        assertEquals(409, refused.status());
        assertTrue(handshakes.isEmpty(), "no handshake for a refused connection");
    }

    @Test
    void withoutAnAuthorizerEveryConnectionIsGrantedEverything() throws Exception {
        List<MoqGrant> grants = new ArrayList<>();
        gateway.register("/moq", (role, grant) -> {
            grants.add(grant);
            return new Admission.Admitted(session -> { });
        });
        now(gateway.accept(request("/moq", null)));
        assertEquals(List.of(MoqGrant.ALL), grants);
    }

    @Test
    void theAuthorizerSeesThePathAndTheJwtAndItsRefusalIs401() throws Exception {
        List<String> seen = new ArrayList<>();
        authorizer = (path, token) -> {
            seen.add(path + " " + token);
            throw TokenRejections.invalid("bad signature");
        };
        gateway.register("/moq", admitAll);
        Acceptance.Refuse refused = assertInstanceOf(Acceptance.Refuse.class, now(gateway.accept(request("/moq/input", "t0k"))));
        assertEquals(401, refused.status());
        assertEquals("Invalid token: bad signature", refused.reason());
        assertEquals(List.of("/moq/input t0k"), seen);
        assertTrue(admitted.isEmpty());
    }

    @Test
    void theAuthorizersGrantReachesTheEndpoint() throws Exception {
        MoqGrant readOnly = new MoqGrant() {
            public boolean mayPublish(String broadcast) {
                return false;
            }

            public boolean maySubscribe(String broadcast) {
                return true;
            }
        };
        authorizer = (path, token) -> readOnly;
        List<MoqGrant> grants = new ArrayList<>();
        gateway.register("/moq", (role, grant) -> {
            grants.add(grant);
            return new Admission.Admitted(session -> { });
        });
        now(gateway.accept(request("/moq/output", null)));
        assertEquals(List.of(readOnly), grants);
        assertNull(request("/moq", null).queryParameter("jwt"));
    }
}
