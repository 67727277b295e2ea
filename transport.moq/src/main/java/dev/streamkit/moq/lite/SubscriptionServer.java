package dev.streamkit.moq.lite;

import dev.streamkit.moq.session.GroupConsumer;
import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.session.LocalTrack;
import dev.streamkit.moq.session.MoqException;
import dev.streamkit.moq.session.TrackConsumer;
import dev.streamkit.moq.wire.GroupHeader;
import dev.streamkit.moq.wire.MessageIo;
import dev.streamkit.moq.wire.MoqErrorCode;
import dev.streamkit.moq.wire.ProtocolViolation;
import dev.streamkit.moq.wire.StreamType;
import dev.streamkit.moq.wire.Subscribe;
import dev.streamkit.moq.wire.SubscribeResponse;
import dev.streamkit.moq.wire.SubscribeUpdate;
import dev.streamkit.moq.wire.WireWriter;
import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.SendStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the peer's subscriptions to this side's published broadcasts: SUBSCRIBE_OK, then one uni stream per
 * group (type 0x00, GROUP, frames, FIN; an aborted group is reset with its code, and so is one whose serving
 * fails in any other way), one group at a time, from a
 * consumer of the local track (so a slow peer skips groups like any slow consumer). The subscribe stream ends
 * with FIN when the track ends, with a reset carrying the code when it is aborted; the peer ending its side
 * unsubscribes. A missing broadcast or track is reset with code 13.
 */
final class SubscriptionServer {

    /** How often a waiting serve loop looks at cancellation. */
    private static final Duration POLL = Duration.ofMillis(500);

    private final LiteSession session;
    private final AtomicInteger served = new AtomicInteger();

    SubscriptionServer(LiteSession session) {
        this.session = session;
    }

    /** Serves one subscribe stream (type already read) on the calling thread until it ends. */
    void serve(BidiStream stream) throws IOException {
        Subscribe subscribe = MessageIo.read(stream.input(), session.limits().maxMessageBytes(),
                reader -> Subscribe.decode(reader, session.version()));
        if (served.incrementAndGet() > session.limits().maxSubscriptions()) {
            served.decrementAndGet();
            throw new ProtocolViolation(MoqErrorCode.BOUNDS_EXCEEDED,
                    "more than " + session.limits().maxSubscriptions() + " subscriptions served");
        }
        try {
            LocalBroadcast broadcast = session.announcer().lookup(subscribe.broadcast());
            LocalTrack track = broadcast == null || broadcast.isClosed() ? null : broadcast.track(subscribe.track());
            if (track == null) {
                stream.reset(MoqErrorCode.NOT_FOUND);
                stream.abort(MoqErrorCode.NOT_FOUND);
                return;
            }
            serveTrack(stream, subscribe, track.subscribe());
        } finally {
            served.decrementAndGet();
        }
    }

    private void serveTrack(BidiStream stream, Subscribe subscribe, TrackConsumer reader) throws IOException {
        AtomicBoolean cancelled = new AtomicBoolean();
        try {
            SubscribeResponse.write(stream.output(), new SubscribeResponse.Ok(subscribe.delivery()), session.version());
            stream.output().flush();
            session.execute(() -> watchUnsubscribe(stream, reader, cancelled));
            while (!cancelled.get() && !session.isClosed()) {
                GroupConsumer group;
                try {
                    group = reader.nextGroup(POLL);
                } catch (TimeoutException e) {
                    continue;
                }
                if (group == null) {
                    break;
                }
                serveGroup(subscribe.id(), group, cancelled);
            }
            stream.finish();
        } catch (MoqException aborted) {
            stream.reset(aborted.errorCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.reset(MoqErrorCode.CANCEL);
        } finally {
            reader.close();
        }
    }

    private void watchUnsubscribe(BidiStream stream, TrackConsumer reader, AtomicBoolean cancelled) {
        try {
            while (MessageIo.readOrEnd(stream.input(), session.limits().maxMessageBytes(),
                    r -> SubscribeUpdate.decode(r, session.version())) != null) {
                // delivery updates do not change how a live track is served here
            }
        } catch (ProtocolViolation violation) {
            session.violation(violation);
        } catch (IOException e) {
            // the peer reset its side: it unsubscribed as well
        } finally {
            cancelled.set(true);
            reader.close();
        }
    }

    private void serveGroup(long subscribeId, GroupConsumer group, AtomicBoolean cancelled)
            throws InterruptedException, IOException {
        SendStream stream = session.transport().openUnidirectional();
        try {
            OutputStream out = stream.output();
            WireWriter header = new WireWriter().u8(StreamType.GROUP)
                    .bytes(MessageIo.frame(new GroupHeader(subscribeId, group.sequence()), session.version()));
            out.write(header.toByteArray());
            while (true) {
                byte[] frame;
                try {
                    frame = group.readFrame(POLL);
                } catch (TimeoutException e) {
                    if (cancelled.get() || session.isClosed()) {
                        stream.reset(MoqErrorCode.CANCEL);
                        return;
                    }
                    out.flush();
                    continue;
                }
                if (frame == null) {
                    stream.finish();
                    return;
                }
                out.write(new WireWriter().varint(frame.length).bytes(frame).toByteArray());
                out.flush();
            }
        } catch (MoqException aborted) {
            stream.reset(aborted.errorCode());
        } catch (IOException peerStopped) {
            stream.reset(MoqErrorCode.CANCEL);
        } catch (RuntimeException | Error fault) {
            // the group stream must end even so: left open, the peer's readers of the group would wait for ever
            stream.reset(MoqErrorCode.CANCEL);
            throw fault;
        }
    }
}
