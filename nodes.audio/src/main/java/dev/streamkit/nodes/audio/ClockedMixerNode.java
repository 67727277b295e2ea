package dev.streamkit.nodes.audio;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.PacingClock;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.Packet;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * {@code audio::mixer} in clocked mode: a clock mixes one frame per tick from per-input jitter buffers, so
 * the output is real time and steady however the inputs arrive.
 *
 * <pre>
 *   in_0 ──▶ [jitter buffer] ─┐
 *   in_1 ──▶ [jitter buffer] ─┼─▶ clock: every frame_samples_per_channel / sample_rate ──▶ out
 *   ...                       ┘
 * </pre>
 *
 * <p>Threads: where the engine has timers (live sessions) the clock is an engine timer ({@link Outputs#wakeAt}):
 * each tick is an {@link #onTimer} call on a shared timer thread, never concurrent with the node's other
 * calls, and a slow consumer pauses the mixer's input instead of blocking that thread. Elsewhere (oneshot
 * runs) a clock thread of its own ({@link MixClock}) ticks; {@code onPacket}/{@code onInputEnd} then only
 * enqueue and the clock thread is the only one that emits. Buffers are guarded by this node's monitor.
 *
 * <p>Each input keeps at most {@code jitter_buffer_frames} output frames of audio: on overflow the oldest
 * audio is dropped. A tick takes one frame per input (short or missing input is silence), sums, clips to
 * [-1, 1]; when no input has audio it emits silence if {@code generate_silence}, else nothing. The clock
 * starts with the first packet, ticking one frame later so the buffers can prime, and the node finishes
 * once every input has ended and all buffers are drained. In a live session
 * {@link ControlMessage.InputConnected} adds an input and {@link ControlMessage.InputDisconnected} removes
 * one with its buffered audio; the clock keeps running while a disconnected input may come back
 * ({@link MixerInputs}). Inputs must run at the clock's rate (resampling
 * is {@code audio::resampler}'s job): another rate fails the node with invalid media naming the pin.
 *
 * <p>The clock stops on finish, failure, cancellation ({@link Outputs#send} throws), Shutdown and
 * {@link #close()}, which joins a clock thread.
 */
final class ClockedMixerNode implements Node {

    static final long CLOSE_JOIN_MS = 1_000;

    private final ClockedMixerConfig config;
    private final String threadName;
    private final MixerInputs inputs;
    private final SampleClock stamps;
    private int channels;
    /** Sample frames dropped because an input ran ahead of its jitter buffer. */
    private long droppedSamples;
    private MixClock clock;
    /** The tick timeline when the engine's timers drive the clock, else {@code null}. */
    private PacingClock timeline;
    private boolean failed;

    /**
     * @param fixedPins  the input pins to wait for, or empty for a dynamic pin family
     * @param threadName name of the clock thread (tests and thread dumps find it by this name)
     */
    ClockedMixerNode(ClockedMixerConfig config, List<String> fixedPins, String threadName) {
        this.config = config;
        this.threadName = threadName;
        this.stamps = new SampleClock(config.sampleRate());
        this.inputs = new MixerInputs(fixedPins);
    }

    @Override
    public Invocation invocation() {
        return Invocation.BLOCKING;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) throws Exception {
        AudioFrame frame = AudioPackets.requireAudio(inputPin, packet);
        NodeException rateError = null;
        synchronized (this) {
            if (failed || frame.frameCount() == 0) return;
            if (frame.sampleRate() != config.sampleRate()) {
                failed = true;
                rateError = NodeException.invalidMedia("clocked mixer runs at " + config.sampleRate() + " Hz but pin '"
                        + inputPin + "' has " + frame.sampleRate() + " Hz; resample it first");
            }
        }
        if (rateError != null) {
            stopClock();
            out.fail(rateError);
            return;
        }
        synchronized (this) {
            PinQueue buffer = inputs.accept(inputPin);
            if (buffer == null) return;
            buffer.add(frame);
            int excess = buffer.available() - config.jitterBufferFrames() * config.frameSamplesPerChannel();
            if (excess > 0) droppedSamples += buffer.discard(excess);
            channels = Math.max(channels, frame.channels());
            stamps.startAt(frame.metadata());
            if (clock == null && timeline == null) startClock(out);
        }
    }

    @Override
    public void onInputEnd(String inputPin, Outputs out) {
        synchronized (this) {
            inputs.end(inputPin);
            // Without a clock nothing was ever buffered, so no other thread emits: finish here.
            if (clock == null && timeline == null && inputs.allEnded() && !failed) out.finish();
        }
    }

    /**
     * {@code Shutdown} stops the clock and finishes; {@code InputConnected} adds an input,
     * {@code InputDisconnected} removes one with its buffered audio.
     */
    @Override
    public void onControl(ControlMessage message, Outputs out) {
        if (message instanceof ControlMessage.Shutdown) {
            stopClock();
            out.finish();
        } else if (message instanceof ControlMessage.InputConnected connected) {
            synchronized (this) {
                inputs.connect(connected.pin());
            }
        } else if (message instanceof ControlMessage.InputDisconnected disconnected) {
            synchronized (this) {
                inputs.disconnect(disconnected.pin());
            }
        }
    }

    @Override
    public void close() {
        stopClock();
    }

    /** Audio dropped so far because an input ran ahead of its jitter buffer, in sample frames. */
    synchronized long droppedSamples() {
        return droppedSamples;
    }

    /**
     * One tick, on the clock thread: mixes one frame under the monitor and sends it outside it (a slow
     * consumer must not block {@code onPacket}).
     *
     * @return whether the clock should go on
     */
    boolean tick(Outputs out) {
        AudioFrame frame = null;
        boolean drained;
        synchronized (this) {
            if (failed) return false;
            drained = inputs.allEnded() && inputs.largestQueued() == 0;
            if (!drained) frame = mixOneFrame();
        }
        if (drained) {
            out.finish();
            return false;
        }
        if (frame != null) out.send("out", frame);
        return true;
    }

    /** First tick one frame from now: on the engine's timers when it has them, else on a clock thread. */
    private void startClock(Outputs out) {
        PacingClock first = new PacingClock().restart(System.nanoTime());
        first.advance(config.frameNanos(), 1.0);
        if (out.wakeAt(first.dueNanos())) {
            timeline = first;
        } else {
            clock = MixClock.start(threadName, config.frameNanos(), () -> tickOrFail(out), out::isCancelled);
        }
    }

    /**
     * A tick on the engine's timers: mixes and sends one frame, then asks for the next tick one frame later
     * on the timeline (restarted rather than bursting when it fell {@link MixClock#MAX_LATE_PERIODS} behind).
     */
    @Override
    public void onTimer(Outputs out) {
        if (timeline == null || !tickOrFail(out)) return;
        long period = config.frameNanos();
        timeline.advance(period, 1.0);
        long now = System.nanoTime();
        if (now - timeline.dueNanos() > MixClock.MAX_LATE_PERIODS * period) timeline.restart(now);
        out.wakeAt(timeline.dueNanos());
    }

    /** {@link #tick}, failing the node on an unexpected error instead of dying silently with the thread. */
    private boolean tickOrFail(Outputs out) {
        try {
            return tick(out);
        } catch (CancellationException cancelled) {
            throw cancelled;
        } catch (RuntimeException e) {
            out.fail(NodeException.runtime("mixer clock failed: " + e.getMessage(), e));
            return false;
        }
    }

    /** The next output frame, or {@code null} when no input has audio and silence is not wanted. */
    private AudioFrame mixOneFrame() {
        int frames = config.frameSamplesPerChannel();
        float[] sum = new float[frames * channels];
        int mixed = 0;
        for (PinQueue buffer : inputs.queues()) mixed += buffer.mixInto(sum, channels, frames);
        inputs.forgetDrained();
        if (mixed == 0 && !config.generateSilence()) {
            stamps.advance(frames);
            return null;
        }
        for (int i = 0; i < sum.length; i++) sum[i] = Math.max(-1f, Math.min(1f, sum[i]));
        return new AudioFrame(config.sampleRate(), channels, sum, stamps.stamp(frames));
    }

    private void stopClock() {
        MixClock running;
        synchronized (this) {
            running = clock;
        }
        if (running != null) running.stop(CLOSE_JOIN_MS);
    }
}
