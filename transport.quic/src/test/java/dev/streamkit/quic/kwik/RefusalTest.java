package dev.streamkit.quic.kwik;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.quic.Acceptance;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests the server refuses: the client's failure names the status. */
class RefusalTest {

    private LoopbackFixture fixture;

    @BeforeEach
    void start() throws Exception {
        // a short acceptor wait, so that the 504 case does not take the production 35 s
        fixture = new LoopbackFixture(StreamLimits.DEFAULT, Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aPathNoAcceptorServesIs404() {
        fixture.acceptAll("/moq", StreamHandlers.none(), new CompletableFuture<>());
        assertStatus("/moq2", 404);
        assertStatus("/other/moq", 404);
    }

    @Test
    void theAcceptorsRefusalStatusIsAnswered() {
        fixture.acceptors.add(request -> CompletableFuture.completedFuture(new Acceptance.Refuse(403, "no token")), "/");
        assertStatus("/anything", 403);
    }

    @Test
    void anAcceptorThatNeverDecidesIs504() {
        fixture.acceptors.add(request -> new CompletableFuture<>(), "/slow");
        assertStatus("/slow", 504);
    }

    @Test
    void aFailingAcceptorOrAnUnofferedProtocolIs500() {
        fixture.acceptors.add(request -> CompletableFuture.failedFuture(new IllegalStateException("boom")), "/fails");
        assertStatus("/fails", 500);
        fixture.acceptors.add(request -> CompletableFuture.completedFuture(
                new Acceptance.Accept("not-offered", StreamHandlers.none(), s -> { })), "/odd");
        assertStatus("/odd", 500);
    }

    @Test
    void aWrongPinnedCertificateIsRefusedByTheClient() {
        fixture.acceptAll("/", StreamHandlers.none(), new CompletableFuture<>());
        ExecutionException failure = assertThrows(ExecutionException.class, () -> fixture.client.connect(fixture.url("/"),
                new dev.streamkit.quic.ClientOptions(List.of(), List.of("00".repeat(32)), false, LoopbackFixture.WAIT),
                StreamHandlers.none()).toCompletableFuture().get());
        assertInstanceOf(IOException.class, failure.getCause());
    }

    private void assertStatus(String path, int status) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> fixture.connect(path, List.of(), StreamHandlers.none()));
        assertInstanceOf(IOException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("status " + status), failure.getCause().getMessage());
    }
}
