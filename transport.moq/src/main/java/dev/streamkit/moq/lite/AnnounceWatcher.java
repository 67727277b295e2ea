package dev.streamkit.moq.lite;

import dev.streamkit.moq.session.Announcement;
import dev.streamkit.moq.session.MoqException;
import dev.streamkit.moq.wire.Announce;
import dev.streamkit.moq.wire.AnnounceInit;
import dev.streamkit.moq.wire.AnnounceInterest;
import dev.streamkit.moq.wire.MessageIo;
import dev.streamkit.moq.wire.MoqErrorCode;
import dev.streamkit.moq.wire.MoqVersion;
import dev.streamkit.moq.wire.ProtocolViolation;
import dev.streamkit.moq.wire.StreamType;
import dev.streamkit.moq.wire.Varint;
import dev.streamkit.quic.BidiStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The peer's announcements, learnt through one announce stream with an empty prefix that this side opens the
 * first time someone asks. Listeners hear the current broadcasts under their prefix first, then each change.
 * At most {@link MoqLimits#maxAnnounces()} broadcasts may be active; one more closes the session.
 */
final class AnnounceWatcher {

    private record Listener(String prefix, Consumer<Announcement> callback) {
    }

    private final LiteSession session;
    private final Set<String> active = new LinkedHashSet<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final Set<CompletableFuture<String>> waiting = new HashSet<>();
    private boolean started;
    private MoqException failure;

    AnnounceWatcher(LiteSession session) {
        this.session = session;
    }

    /**
     * Reports announcements under {@code prefix} (paths relative to it) until the handle is closed. NOTE: the
     * callback runs on the session's announce thread with this watcher locked: it must not block.
     */
    AutoCloseable listen(String prefix, Consumer<Announcement> callback) {
        Listener listener = new Listener(BroadcastPaths.normalize(prefix), callback);
        synchronized (this) {
            startIfNeeded();
            for (String path : active) {
                String suffix = BroadcastPaths.suffix(listener.prefix(), path);
                if (suffix != null) {
                    callback.accept(new Announcement(suffix, true));
                }
            }
            listeners.add(listener);
        }
        return () -> {
            synchronized (this) {
                listeners.remove(listener);
            }
        };
    }

    /** Completes once {@code path} is announced; fails with code 13 after {@code timeout}, or when the session ends. */
    CompletionStage<String> await(String path, Duration timeout) {
        String normalized = BroadcastPaths.normalize(path);
        CompletableFuture<String> announced = new CompletableFuture<>();
        synchronized (this) {
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            waiting.add(announced);
        }
        AutoCloseable handle = listen(normalized, announcement -> {
            if (announcement.active() && announcement.path().isEmpty()) {
                announced.complete(normalized);
            }
        });
        LiteSession.TIMER.schedule(() -> announced.completeExceptionally(new MoqException(MoqErrorCode.NOT_FOUND,
                "broadcast '" + normalized + "' not announced within " + timeout)), timeout.toMillis(), TimeUnit.MILLISECONDS);
        return announced.whenComplete((result, error) -> {
            Quietly.close(handle);
            synchronized (this) {
                waiting.remove(announced);
            }
        });
    }

    /** The session ended: no more announcements. */
    void fail(MoqException cause) {
        List<CompletableFuture<String>> pending;
        synchronized (this) {
            failure = cause;
            listeners.clear();
            active.clear();
            pending = List.copyOf(waiting);
            waiting.clear();
        }
        pending.forEach(future -> future.completeExceptionally(cause));
    }

    private void startIfNeeded() {
        if (!started && failure == null) {
            started = true;
            session.execute(this::run);
        }
    }

    private void run() {
        long version = session.version();
        int maxMessage = session.limits().maxMessageBytes();
        try {
            BidiStream stream = session.transport().openBidirectional();
            OutputStream out = stream.output();
            Varint.write(out, StreamType.ANNOUNCE);
            MessageIo.write(out, new AnnounceInterest("", 0), version);
            out.flush();
            InputStream in = stream.input();
            if (MoqVersion.isSetupEra(version)) {
                AnnounceInit init = MessageIo.read(in, maxMessage,
                        reader -> AnnounceInit.decode(reader, session.limits().maxAnnounces()));
                for (String suffix : init.suffixes()) {
                    apply(suffix, true);
                }
            }
            for (Announce announce = MessageIo.readOrEnd(in, maxMessage, reader -> Announce.decode(reader, version));
                 announce != null;
                 announce = MessageIo.readOrEnd(in, maxMessage, reader -> Announce.decode(reader, version))) {
                apply(announce.suffix(), announce.active());
            }
            stream.finish();
        } catch (ProtocolViolation violation) {
            session.violation(violation);
        } catch (IOException e) {
            // the stream or the session ended; closed() reports the latter
        }
    }

    private synchronized void apply(String suffix, boolean nowActive) throws ProtocolViolation {
        String path = BroadcastPaths.normalize(suffix);
        if (nowActive) {
            if (!active.contains(path) && active.size() >= session.limits().maxAnnounces()) {
                throw new ProtocolViolation(MoqErrorCode.BOUNDS_EXCEEDED,
                        "more than " + session.limits().maxAnnounces() + " announced broadcasts");
            }
            active.add(path);
        } else {
            active.remove(path);
        }
        for (Listener listener : List.copyOf(listeners)) {
            String relative = BroadcastPaths.suffix(listener.prefix(), path);
            if (relative != null) {
                listener.callback().accept(new Announcement(relative, nowActive));
            }
        }
    }
}
