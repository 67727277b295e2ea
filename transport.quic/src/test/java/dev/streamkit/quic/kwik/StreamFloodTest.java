package dev.streamkit.quic.kwik;

import static dev.streamkit.quic.kwik.LoopbackFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.ReceiveStream;
import dev.streamkit.quic.StreamHandler;
import dev.streamkit.quic.WebTransportSession;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A peer opening more streams than allowed is held back by QUIC stream credit; finished streams leave no trace. */
class StreamFloodTest {

    private static final int LIMIT = 8;
    private static final StreamLimits SMALL = new StreamLimits(LIMIT, LIMIT, 64 * 1024, 1 << 20, Duration.ofSeconds(1));

    @Test
    void streamsBeyondTheLimitAreRefusedAndHandlersNeverExceedIt() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        StreamHandler holding = new StreamHandler() {
            @Override
            public void onBidirectional(BidiStream stream) throws Exception {
                mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    stream.input().readAllBytes(); // holds the stream until the client finishes or the session ends
                } finally {
                    running.decrementAndGet();
                    stream.finish();
                }
            }

            @Override
            public void onUnidirectional(ReceiveStream stream) {
                stream.abort(0);
            }
        };
        try (LoopbackFixture fixture = new LoopbackFixture(SMALL, Duration.ofSeconds(5))) {
            fixture.acceptAll("/flood", holding, new CompletableFuture<>());
            WebTransportSession session = fixture.connect("/flood", List.of(), StreamHandlers.none());
            List<BidiStream> open = new ArrayList<>();
            for (int i = 0; i < LIMIT; i++) {
                BidiStream stream = session.openBidirectional();
                stream.output().write(1);
                stream.output().flush();
                open.add(stream);
            }
            IOException refused = assertThrows(IOException.class, session::openBidirectional);
            assertTrue(refused.getMessage().contains("stream limit"), refused.getMessage());
            assertTrue(mostRunning.get() <= LIMIT, "handlers running at once: " + mostRunning.get());

            for (BidiStream stream : open) {
                stream.finish();
                stream.input().readAllBytes();
            }
            // credit comes back once streams end: a new one opens again
            BidiStream again = session.openBidirectional();
            again.finish();
            again.input().readAllBytes();
            session.close(0, "");
        }
    }

    @Test
    void manyShortStreamsLeaveNoStateBehind() throws Exception {
        CompletableFuture<WebTransportSession> serverSession = new CompletableFuture<>();
        try (LoopbackFixture fixture = new LoopbackFixture(SMALL, Duration.ofSeconds(5))) {
            fixture.acceptAll("/many", StreamHandlers.echo(), serverSession);
            WebTransportSession session = fixture.connect("/many", List.of(), StreamHandlers.none());
            int streams = 500;
            for (int i = 0; i < streams; i++) {
                BidiStream stream = session.openBidirectional();
                stream.output().write(new byte[] {(byte) i});
                stream.finish();
                assertEquals(1, stream.input().readAllBytes().length);
            }
            KwikSession server = (KwikSession) await(serverSession);
            KwikSession client = (KwikSession) session;
            assertEquals(0, client.openStreams(), "the client forgets finished streams");
            assertTrue(server.openStreams() <= LIMIT, "the server keeps at most the streams still running: " + server.openStreams());
            session.close(0, "");
        }
    }
}
