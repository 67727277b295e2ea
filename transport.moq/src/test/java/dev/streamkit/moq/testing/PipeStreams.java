package dev.streamkit.moq.testing;

import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.ReceiveStream;
import dev.streamkit.quic.SendStream;
import java.io.InputStream;
import java.io.OutputStream;

/** The stream halves of the in-memory transport, each over one {@link BytePipe}. */
final class PipeStreams {

    private PipeStreams() {
    }

    static SendStream sender(BytePipe pipe) {
        return new SendStream() {
            @Override
            public OutputStream output() {
                return pipe.output;
            }

            @Override
            public void finish() {
                pipe.finish();
            }

            @Override
            public void reset(long errorCode) {
                pipe.reset(errorCode);
            }
        };
    }

    static ReceiveStream receiver(BytePipe pipe) {
        return new ReceiveStream() {
            @Override
            public InputStream input() {
                return pipe.input;
            }

            @Override
            public void abort(long errorCode) {
                pipe.stop(errorCode);
            }
        };
    }

    static BidiStream bidi(BytePipe in, BytePipe out) {
        SendStream send = sender(out);
        ReceiveStream receive = receiver(in);
        return new BidiStream() {
            @Override
            public InputStream input() {
                return receive.input();
            }

            @Override
            public void abort(long errorCode) {
                receive.abort(errorCode);
            }

            @Override
            public OutputStream output() {
                return send.output();
            }

            @Override
            public void finish() {
                out.finish();
            }

            @Override
            public void reset(long errorCode) {
                send.reset(errorCode);
            }
        };
    }
}
