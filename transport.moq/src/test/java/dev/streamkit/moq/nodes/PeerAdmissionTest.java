package dev.streamkit.moq.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.streamkit.moq.gateway.Admission;
import dev.streamkit.moq.gateway.GatewayRole;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.security.jwt.MoqGrant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who a peer lets in: grants, the one publisher, the watcher cap. */
class PeerAdmissionTest {

    private boolean publisherConnected;
    private final List<String> admitted = new ArrayList<>();
    private final List<Integer> counts = new ArrayList<>();
    private final PeerAdmission admission = new PeerAdmission("input", "output", 2, new PeerAdmission.Sessions() {
        public void publisher(MoqSession session) {
            admitted.add("publisher");
        }

        public void subscriber(MoqSession session) {
            admitted.add("subscriber");
        }

        public void peer(MoqSession session) {
            admitted.add("peer");
        }

        public boolean hasPublisher() {
            return publisherConnected;
        }

        public void watchersChanged(int count) {
            counts.add(count);
        }
    });

    private static MoqGrant grant(boolean publish, boolean subscribe) {
        return new MoqGrant() {
            public boolean mayPublish(String broadcast) {
                return publish && broadcast.equals("input");
            }

            public boolean maySubscribe(String broadcast) {
                return subscribe && broadcast.equals("output");
            }
        };
    }

    private int status(GatewayRole role, MoqGrant grant) {
        Admission answer = admission.admit(role, grant);
        return answer instanceof Admission.Refused refused ? refused.status() : 200;
    }

    @Test
    void eachRouteNeedsItsPermissions() {
        assertEquals(403, status(GatewayRole.PUBLISHER, grant(false, true)));
        assertEquals(200, status(GatewayRole.PUBLISHER, grant(true, false)));
        assertEquals(403, status(GatewayRole.SUBSCRIBER, grant(true, false)));
        assertEquals(200, status(GatewayRole.SUBSCRIBER, grant(false, true)));
        assertEquals(403, status(GatewayRole.PEER, grant(true, false)));
        assertEquals(403, status(GatewayRole.PEER, grant(false, true)));
        assertEquals(200, status(GatewayRole.PEER, MoqGrant.ALL));
    }

    @Test
    void aSecondPublisherIsRefusedWith409() {
        publisherConnected = true;
        Admission.Refused refused = assertInstanceOf(Admission.Refused.class, admission.admit(GatewayRole.PUBLISHER, MoqGrant.ALL));
        assertEquals(409, refused.status());
        assertEquals("Publisher already connected", refused.reason());
        assertEquals(200, status(GatewayRole.SUBSCRIBER, MoqGrant.ALL), "watchers still come in");
    }

    @Test
    void watchersBeyondTheCapAreRefusedUntilOneLeaves() {
        FakeSession first = new FakeSession();
        ((Admission.Admitted) admission.admit(GatewayRole.SUBSCRIBER, MoqGrant.ALL)).onSession().accept(first);
        ((Admission.Admitted) admission.admit(GatewayRole.PEER, MoqGrant.ALL)).onSession().accept(new FakeSession());
        assertEquals(2, admission.watchers());
        assertEquals(503, status(GatewayRole.SUBSCRIBER, MoqGrant.ALL));
        assertEquals(200, status(GatewayRole.PUBLISHER, MoqGrant.ALL), "the cap is for watchers only");
        first.close(0, "bye");
        assertEquals(1, admission.watchers());
        assertEquals(200, status(GatewayRole.SUBSCRIBER, MoqGrant.ALL));
        assertEquals(List.of("subscriber", "peer"), admitted);
        assertEquals(List.of(1, 2, 1), counts, "each change of the watcher count is reported");
    }
}
