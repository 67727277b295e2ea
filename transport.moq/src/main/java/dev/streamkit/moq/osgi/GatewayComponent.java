package dev.streamkit.moq.osgi;

import dev.streamkit.moq.gateway.MoqGateway;
import dev.streamkit.moq.gateway.MoqHandshake;
import dev.streamkit.moq.gateway.Timeouts;
import dev.streamkit.moq.lite.MoqLimits;
import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.SessionRequest;
import dev.streamkit.quic.WebTransportAcceptor;
import dev.streamkit.security.jwt.MoqAuthorizer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The MoQ gateway as a service: the WebTransport endpoint hands it every connection (it serves all paths), and
 * {@code transport::moq::peer} factories register their routes on it. The optional {@link MoqAuthorizer} is
 * followed dynamically: none registered means every connection is allowed everything. Configuration PID
 * {@value #PID}: {@code max_subscribers}, the watchers one peer serves at most.
 */
@Component(service = {WebTransportAcceptor.class, GatewayComponent.class}, configurationPid = GatewayComponent.PID,
        property = WebTransportAcceptor.PATH_PREFIX + "=/")
public final class GatewayComponent implements WebTransportAcceptor {

    static final String PID = "dev.streamkit.moq.gateway";

    /** The gateway's settings (component property type). */
    public @interface Config {
        /** Watchers (subscribers and bidirectional clients) one peer serves at most. */
        int max_subscribers() default 256;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MoqAuthorizer authorizer;

    private ScheduledExecutorService timer;
    private MoqGateway gateway;
    private int maxSubscribers;

    @Activate
    void activate(Config config) {
        maxSubscribers = Math.max(1, config.max_subscribers());
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "skit-moq-gateway");
            thread.setDaemon(true);
            return thread;
        });
        MoqHandshake handshake = new LiteHandshake(MoqLimits.defaults());
        gateway = new MoqGateway(Timeouts.on(timer), handshake, () -> authorizer, MoqGateway.ROUTE_WAIT);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    @Override
    public CompletionStage<Acceptance> accept(SessionRequest request) {
        return gateway.accept(request);
    }

    /** The gateway peers register their routes on. */
    public MoqGateway gateway() {
        return gateway;
    }

    /** The watchers one peer serves at most. */
    public int maxSubscribers() {
        return maxSubscribers;
    }
}
