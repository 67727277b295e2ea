package dev.streamkit.moq.nodes;

import dev.streamkit.moq.gateway.MoqGateway;
import dev.streamkit.moq.lite.MoqLimits;
import dev.streamkit.moq.lite.MoqLite;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.moq.testing.PipeClient;
import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.ClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A gateway whose clients connect through the in-memory WebTransport double, speaking real moq-lite: what the
 * peer node sees is what it would see from a browser, minus QUIC. Route waits never expire.
 */
final class LoopbackGateway {

    static final long WAIT_SECONDS = 10;

    final MoqGateway gateway = new MoqGateway((delay, task) -> { }, (request, onReady) -> {
        String protocol = MoqLite.chooseProtocol(request.offeredProtocols());
        return protocol == null ? new Acceptance.Refuse(400, "no moq-lite") : MoqLite.accept(protocol, MoqLimits.defaults(), onReady);
    }, () -> null, MoqGateway.ROUTE_WAIT);

    final PipeClient client = new PipeClient(request -> gateway.accept(request).toCompletableFuture().join());

    /** A moq-lite client session on {@code path}. */
    MoqSession connect(String path) throws Exception {
        return MoqLite.connect(client, URI.create("https://127.0.0.1:4545" + path),
                new ClientOptions(List.of(), List.of(), true, Duration.ofSeconds(5)), MoqLimits.defaults())
                .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits (at most 10 s, polling every 5 ms) for {@code condition}. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(5);
        }
    }
}
