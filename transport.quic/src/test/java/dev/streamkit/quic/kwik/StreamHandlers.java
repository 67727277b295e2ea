package dev.streamkit.quic.kwik;

import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.ReceiveStream;
import dev.streamkit.quic.StreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Stream handlers for the tests: echo, collect the first unidirectional stream, ignore. */
final class StreamHandlers {

    private StreamHandlers() {
    }

    /** Echoes every bidirectional stream back and finishes it. */
    static StreamHandler echo() {
        return new StreamHandler() {
            @Override
            public void onBidirectional(BidiStream stream) throws Exception {
                stream.input().transferTo(stream.output());
                stream.finish();
            }

            @Override
            public void onUnidirectional(ReceiveStream stream) {
                stream.abort(0);
            }
        };
    }

    /** Completes {@code text} with the content of the first unidirectional stream. */
    static StreamHandler collectUni(CompletableFuture<String> text) {
        return new StreamHandler() {
            @Override
            public void onBidirectional(BidiStream stream) {
                stream.reset(0);
                stream.abort(0);
            }

            @Override
            public void onUnidirectional(ReceiveStream stream) throws Exception {
                text.complete(new String(stream.input().readAllBytes(), StandardCharsets.UTF_8));
            }
        };
    }

    /** Refuses every stream. */
    static StreamHandler none() {
        return collectUni(new CompletableFuture<>());
    }
}
