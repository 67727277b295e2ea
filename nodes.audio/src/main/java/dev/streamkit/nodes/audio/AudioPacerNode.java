package dev.streamkit.nodes.audio;

import dev.streamkit.api.node.PacingClock;
import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.nodes.core.pacing.HeldPacket;
import dev.streamkit.nodes.core.pacing.PacerSpeed;
import dev.streamkit.nodes.core.telemetry.MissedDeadlines;
import java.util.concurrent.CancellationException;

/**
 * {@code audio::pacer}: releases audio frames unchanged in real time ({@code speed} times real time) and,
 * with {@code generate_silence}, fills the gaps of a stalled input with silence so that the output stays
 * continuous (MoQ and WebRTC receivers underflow otherwise).
 *
 * <p>Timing: frame {@code n} is due at {@code start + (audio before it) / speed} on the monotonic clock
 * ({@link PacingClock}). The timeline starts at the first frame, or at creation when an initial format is
 * given. Where the engine has timers (live sessions), a frame that is not due yet is held, the node's
 * input is paused and an engine timer releases it ({@link Outputs#wakeAt}): no thread sleeps. Elsewhere
 * {@code onPacket} sleeps until the frame is due (sliced, cancellation-aware).
 *
 * <p>Silence: a frame slot that elapsed completely without audio becomes a silence frame of the last
 * format seen (or the initial format), as long as the previous frame, or 20 ms for the initial format.
 * With timers the silence is live: a timer set one slot past each release emits it as the slot ends.
 * Without timers (and before the first frame) it is emitted retroactively, in one go, when the next frame
 * arrives or the input ends. Without {@code generate_silence}, a frame more than
 * {@value #LATE_RESET_MS} ms late restarts the timeline instead of being followed by a catch-up burst.
 *
 * <p>Missed deadlines: an input frame released more than its own duration after it was due is counted
 * and published as telemetry ({@link MissedDeadlines}). Silence frames are not: a slot that passed
 * without input is a gap in the upstream, which the silence exists to cover, not a deadline the pacer
 * missed.
 *
 * <p>NOTE: the node holds one frame at a time (the engine's mailbox buffers the rest), so
 * {@code buffer_size} is accepted but has no effect yet. Silence frames carry a duration but no timestamp.
 */
final class AudioPacerNode implements Node {

    static final String BUFFER_SIZE = "buffer_size";
    static final String GENERATE_SILENCE = "generate_silence";
    static final String INITIAL_SAMPLE_RATE = "initial_sample_rate";
    static final String INITIAL_CHANNELS = "initial_channels";
    static final int DEFAULT_BUFFER_SIZE = 32;
    static final long LATE_RESET_MS = 300;
    /** Longest stall filled in one go (one minute of 20 ms frames); a longer one restarts the timeline. */
    static final int MAX_SILENCE_FRAMES = 3_000;

    private final boolean generateSilence;
    private final PacingClock clock = new PacingClock();
    private final MissedDeadlines missedDeadlines = new MissedDeadlines();
    private volatile double speed;
    private volatile boolean shutDown;
    private boolean started;
    private SilenceFrames silence;
    private final HeldPacket<AudioFrame> held = new HeldPacket<>();
    /** When the pending silence timer was asked for: a timer may fire slightly early, the slot counts as over. */
    private long silenceWakeNanos;

    AudioPacerNode(Params params, long nowNanos) {
        this.speed = PacerSpeed.read(params, PacerSpeed.DEFAULT);
        this.generateSilence = params.getBoolean(GENERATE_SILENCE, true);
        if (params.has(INITIAL_SAMPLE_RATE) && params.has(INITIAL_CHANNELS)) {
            int rate = params.getInt(INITIAL_SAMPLE_RATE, 48_000);
            silence = new SilenceFrames(rate, params.getInt(INITIAL_CHANNELS, 1), rate / 50);
            if (generateSilence) {
                clock.restart(nowNanos);
                started = true;
            }
        }
    }

    @Override
    public Invocation invocation() {
        return Invocation.BLOCKING;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) throws Exception {
        AudioFrame frame = AudioPackets.requireAudio(inputPin, packet);
        if (shutDown) return;
        long now = System.nanoTime();
        if (!started) {
            clock.restart(now);
            started = true;
        } else if (generateSilence && silence != null) {
            fillSilenceUntil(now, out);
        } else if (now - clock.dueNanos() > LATE_RESET_MS * 1_000_000L) {
            clock.restart(now);
        }
        if (held.hold(frame, clock.dueNanos(), now, out)) return;
        if (!PacingClock.sleepUntil(clock.dueNanos(), () -> out.isCancelled() || shutDown)) {
            if (shutDown) return;
            throw new CancellationException("audio pacer cancelled while waiting to release a frame");
        }
        release(frame, out);
    }

    /** The held frame's time came (release it, resume input), or a slot passed without input (silence). */
    @Override
    public void onTimer(Outputs out) {
        if (shutDown) return;
        AudioFrame frame = held.take(out);
        if (frame != null) {
            release(frame, out);
        } else if (generateSilence && silence != null) {
            fillSilenceUntil(Math.max(System.nanoTime(), silenceWakeNanos), out);
            scheduleSilence(out);
        }
    }

    private void release(AudioFrame frame, Outputs out) {
        long frameNanos = frame.frameCount() * 1_000_000_000L / frame.sampleRate();
        missedDeadlines.released(clock.dueNanos(), System.nanoTime(), frameNanos, out);
        out.send("out", frame);
        if (frame.frameCount() > 0) silence = SilenceFrames.like(frame, silence);
        clock.advance(frameNanos, speed);
        scheduleSilence(out);
    }

    /** With timers, wakes when the next slot has passed completely, to fill it with silence if no frame came. */
    private void scheduleSilence(Outputs out) {
        if (generateSilence && silence != null) {
            silenceWakeNanos = clock.dueNanos() + (long) (silence.durationNanos() / speed);
            out.wakeAt(silenceWakeNanos);
        }
    }

    /** Emits the silence due for the stall before the end, then finishes. */
    @Override
    public void onInputEnd(String inputPin, Outputs out) {
        if (!shutDown && started && generateSilence && silence != null) fillSilenceUntil(System.nanoTime(), out);
        out.finish();
    }

    /** {@code UpdateParams}: only {@code speed} is tunable; {@code Shutdown} finishes at once. */
    @Override
    public void onControl(ControlMessage message, Outputs out) {
        if (message instanceof ControlMessage.UpdateParams update && update.params().has(PacerSpeed.PARAM)) {
            speed = PacerSpeed.read(update.params(), speed);
        } else if (message instanceof ControlMessage.Shutdown) {
            shutDown = true;
            out.finish();
        }
    }

    /** Sends a silence frame for every slot that ended by {@code nowNanos} without audio. */
    private void fillSilenceUntil(long nowNanos, Outputs out) {
        long frameNanos = silence.durationNanos();
        for (int sent = 0; clock.dueNanos() + (long) (frameNanos / speed) <= nowNanos; sent++) {
            if (sent == MAX_SILENCE_FRAMES) {
                clock.restart(nowNanos);
                return;
            }
            out.send("out", silence.frame());
            clock.advance(frameNanos, speed);
        }
    }

    /** Deadlines missed so far. */
    long missedDeadlines() {
        return missedDeadlines.total();
    }
}
