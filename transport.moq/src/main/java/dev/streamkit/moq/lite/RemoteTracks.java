package dev.streamkit.moq.lite;

import dev.streamkit.moq.session.GroupConsumer;
import dev.streamkit.moq.session.LocalGroup;
import dev.streamkit.moq.session.LocalTrack;
import dev.streamkit.moq.session.MoqException;
import dev.streamkit.moq.session.TrackConsumer;
import dev.streamkit.moq.wire.Delivery;
import dev.streamkit.moq.wire.GroupHeader;
import dev.streamkit.moq.wire.MessageIo;
import dev.streamkit.moq.wire.MoqErrorCode;
import dev.streamkit.moq.wire.ProtocolViolation;
import dev.streamkit.moq.wire.StreamType;
import dev.streamkit.moq.wire.Subscribe;
import dev.streamkit.moq.wire.SubscribeResponse;
import dev.streamkit.moq.wire.Varint;
import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.ReceiveStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This side's subscriptions to the peer's tracks. Each is a SUBSCRIBE on its own bidi stream, watched by a
 * session thread, and a {@link LocalTrack} that the group streams fill: groups arrive on uni streams in any
 * order, are kept by sequence, and a group older than what the consumer already read is dropped.
 *
 * <p>No reader waits forever on a group: a group stream that stalls (neither FIN nor reset comes) while newer
 * groups keep arriving is finished by its track once it is pushed out of the kept groups, and its stream is then
 * stopped here; a group whose reading ends in any other way than its FIN is failed.
 *
 * <p>NOTE: a clean end of the subscribe stream may overtake the last groups' streams, so the track is closed
 * only once no group of it is still being received (checked every {@value #FINISH_CHECK_MS} ms, at most
 * {@value #FINISH_CHECKS} times).
 */
final class RemoteTracks {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteTracks.class);

    static final long FINISH_CHECK_MS = 100;
    static final int FINISH_CHECKS = 50;

    private static final class Subscription {
        final long id;
        final LocalTrack track;
        /** The groups being received now, with their streams. */
        final Map<LocalGroup, ReceiveStream> receiving = new ConcurrentHashMap<>();
        volatile BidiStream stream;
        volatile boolean cancelled;

        Subscription(long id, LocalTrack track) {
            this.id = id;
            this.track = track;
        }
    }

    private final LiteSession session;
    private final Map<Long, Subscription> byId = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();

    RemoteTracks(LiteSession session) {
        this.session = session;
    }

    /** Subscribes to {@code track} of the peer's {@code broadcast}. */
    TrackConsumer subscribe(String broadcast, String track, int priority) {
        LocalTrack local = new LocalTrack(track, priority, session.limits().trackBounds());
        TrackConsumer reader = local.subscribe();
        if (byId.size() >= session.limits().maxSubscriptions()) {
            local.fail(new MoqException(MoqErrorCode.BOUNDS_EXCEEDED,
                    "more than " + session.limits().maxSubscriptions() + " subscriptions on this session"));
            return reader;
        }
        Subscription subscription = new Subscription(nextId.getAndIncrement(), local);
        byId.put(subscription.id, subscription);
        if (session.isClosed()) {
            byId.remove(subscription.id);
            local.fail(new MoqException(MoqErrorCode.CLOSED, "MoQ session already closed"));
            return reader;
        }
        session.execute(() -> run(subscription, new Subscribe(subscription.id, BroadcastPaths.normalize(broadcast),
                track, Delivery.ofPriority(priority))));
        return new TrackConsumer() {
            @Override
            public GroupConsumer nextGroup(Duration timeout)
                    throws MoqException, TimeoutException, InterruptedException {
                return reader.nextGroup(timeout);
            }

            @Override
            public void close() {
                reader.close();
                cancel(subscription);
            }
        };
    }

    /** Reads one group stream (its type byte already read) into its subscription's track. */
    void receiveGroup(ReceiveStream stream) throws IOException {
        InputStream in = stream.input();
        GroupHeader header = MessageIo.read(in, session.limits().maxMessageBytes(), GroupHeader::decode);
        Subscription subscription = byId.get(header.subscribeId());
        if (subscription == null) {
            if (header.subscribeId() >= nextId.get()) {
                throw new ProtocolViolation(MoqErrorCode.PROTOCOL_VIOLATION,
                        "group for unknown subscription " + header.subscribeId());
            }
            stream.abort(MoqErrorCode.CANCEL);
            return;
        }
        LocalGroup group = subscription.track.insertGroup(header.sequence());
        if (group == null) {
            stream.abort(MoqErrorCode.CANCEL);
            return;
        }
        subscription.receiving.put(group, stream);
        stopSkippedGroups(subscription);
        try {
            if (readFrames(in, group)) {
                // out of the receiving set before it ends: a group found ended in it is one skipped or failed
                // while its stream was still open
                subscription.receiving.remove(group);
                group.finish();
            } else {
                stream.abort(MoqErrorCode.CANCEL);
            }
        } catch (ProtocolViolation violation) {
            subscription.receiving.remove(group);
            group.abort(violation.errorCode());
            throw violation;
        } catch (IOException e) {
            subscription.receiving.remove(group);
            group.fail(new MoqException(MoqErrorCode.CLOSED, "group " + header.sequence() + " reset by the peer"));
        } finally {
            subscription.receiving.remove(group);
            // whatever stopped the reading, the group's readers must not wait for frames that will not come
            group.fail(new MoqException(MoqErrorCode.CLOSED, "group " + header.sequence() + " stopped being received"));
        }
    }

    /**
     * Stops the streams of the subscription's groups that ended before their FIN: groups its track skipped because
     * they stalled while newer ones arrived. Their reading threads end and their QUIC streams are released.
     */
    private static void stopSkippedGroups(Subscription subscription) {
        subscription.receiving.forEach((group, stream) -> {
            if (group.isEnded() && subscription.receiving.remove(group, stream)) {
                LOG.warn("group {} of track '{}' ended before its stream did (skipped as stalled, or failed): "
                        + "stopping the stream", group.sequence(), subscription.track.name());
                stream.abort(MoqErrorCode.CANCEL);
            }
        });
    }

    /** The session ended: every subscription fails with {@code cause}. */
    void failAll(MoqException cause) {
        for (Subscription subscription : List.copyOf(byId.values())) {
            subscription.track.fail(cause);
        }
        byId.clear();
    }

    /**
     * Reads the group's frames until its FIN ({@code true}, the group left for the caller to finish) or until the
     * group ended otherwise ({@code false}).
     */
    private boolean readFrames(InputStream in, LocalGroup group) throws IOException {
        int maxFrame = session.limits().maxFrameBytes();
        while (!group.isEnded()) {
            long size = Varint.readOrEnd(in);
            if (size < 0) {
                return true;
            }
            if (size > maxFrame) {
                throw new ProtocolViolation(MoqErrorCode.FRAME_TOO_LARGE,
                        "frame of " + size + " bytes exceeds " + maxFrame);
            }
            group.writeFrame(MessageIo.readExactly(in, (int) size));
        }
        return false;
    }

    private void run(Subscription subscription, Subscribe subscribe) {
        long version = session.version();
        try {
            BidiStream stream = session.transport().openBidirectional();
            subscription.stream = stream;
            OutputStream out = stream.output();
            Varint.write(out, StreamType.SUBSCRIBE);
            MessageIo.write(out, subscribe, version);
            out.flush();
            if (subscription.cancelled) {
                endStream(stream);
                return;
            }
            int maxMessage = session.limits().maxMessageBytes();
            SubscribeResponse first = SubscribeResponse.readOrEnd(stream.input(), version, maxMessage);
            if (!(first instanceof SubscribeResponse.Ok)) {
                throw new MoqException(MoqErrorCode.NOT_FOUND, "'" + subscribe.broadcast() + "' track '"
                        + subscribe.track() + "' was refused");
            }
            while (SubscribeResponse.readOrEnd(stream.input(), version, maxMessage) != null) {
                // SUBSCRIBE_DROP only reports groups that will not come; the track already skips gaps
            }
            closeWhenReceived(subscription, FINISH_CHECKS);
        } catch (ProtocolViolation violation) {
            session.violation(violation);
        } catch (MoqException refused) {
            subscription.track.fail(refused);
            byId.remove(subscription.id);
        } catch (IOException e) {
            if (!subscription.cancelled) {
                subscription.track.fail(new MoqException(MoqErrorCode.CLOSED, "subscription to '"
                        + subscribe.broadcast() + "' track '" + subscribe.track() + "' ended: " + e.getMessage()));
            }
            byId.remove(subscription.id);
        }
    }

    private void closeWhenReceived(Subscription subscription, int checksLeft) {
        if (!subscription.receiving.isEmpty() && checksLeft > 0) {
            LiteSession.TIMER.schedule(() -> closeWhenReceived(subscription, checksLeft - 1),
                    FINISH_CHECK_MS, TimeUnit.MILLISECONDS);
            return;
        }
        LiteSession.TIMER.schedule(() -> {
            subscription.track.close();
            byId.remove(subscription.id);
        }, FINISH_CHECK_MS, TimeUnit.MILLISECONDS);
    }

    private void cancel(Subscription subscription) {
        subscription.cancelled = true;
        byId.remove(subscription.id);
        subscription.track.close();
        BidiStream stream = subscription.stream;
        if (stream != null) {
            endStream(stream);
        }
    }

    private static void endStream(BidiStream stream) {
        try {
            stream.finish();
        } catch (IOException e) {
            stream.reset(MoqErrorCode.CANCEL);
        }
        stream.abort(MoqErrorCode.CANCEL);
    }
}
