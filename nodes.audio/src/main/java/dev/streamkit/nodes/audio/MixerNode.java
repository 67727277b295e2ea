package dev.streamkit.nodes.audio;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.Packet;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code audio::mixer}, oneshot form: sums the audio of several inputs, driven by packet arrivals.
 *
 * <p>Each input pin has a {@link PinQueue}. Whenever every still-open input has audio queued, the mixer
 * emits the sum of the next {@code n} sample frames of every queue, where {@code n} is the smallest
 * amount queued on an open input, at most the size of the first frame received. Inputs that ended
 * contribute what they still hold (silence afterwards) but no longer hold the mix back. When all inputs
 * have ended, the rest is flushed and the node finishes.
 *
 * <p>The output has the largest channel count seen (mono inputs are spread over all channels), is
 * clipped to [-1, 1], and is timed from its sample position starting at the first frame's timestamp.
 * All inputs must share one sample rate; a mismatch fails the node with invalid media.
 *
 * <p>Sync timeout: when some open inputs hold audio and others none, the mixer waits at most
 * {@code sync_timeout_ms} (from the arrival of the oldest unmixed frame) and then mixes everything queued,
 * the missing inputs counting as silence; their audio, when it comes, joins the following mixes.
 * {@code null} waits forever. NOTE: the node is only called on arrivals and ends, so an expired timeout
 * is acted on at the next arrival or end of any input, never on a timer.
 *
 * <p>With a fixed pin list ({@code num_inputs}) the mixer waits for every pin; with dynamic pins it
 * knows the pins that have delivered audio (or ended), and in a live session the pins the engine
 * announces with {@link ControlMessage.InputConnected}: from then on the mix waits for them (up to the
 * sync timeout) like for any open pin. {@link ControlMessage.InputDisconnected} stops the waiting and
 * drops the pin's queued audio; the mixer does not finish while a disconnected pin may come back
 * ({@link MixerInputs}). Real-time mixing on a clock is {@link ClockedMixerNode}.
 *
 * <p>Invocation is {@link Invocation#BLOCKING}: the engine gives the mixer a mailbox and calls it from
 * one thread, so no locking is needed.
 */
final class MixerNode implements Node {

    static final String NUM_INPUTS = "num_inputs";
    static final String SYNC_TIMEOUT_MS = "sync_timeout_ms";
    static final String CLOCKED = "clocked";
    static final int DEFAULT_SYNC_TIMEOUT_MS = 100;

    /** Sync timeout in nanoseconds; negative waits forever. */
    private final long syncTimeoutNanos;
    private final LongSupplier nanoClock;

    private final MixerInputs inputs;

    private int sampleRate;
    private String ratePin;
    private int channels;
    private int frameSize;
    private SampleClock clock;
    private boolean failed;

    /**
     * @param fixedPins     the input pins to wait for, or empty for a dynamic pin family
     * @param syncTimeoutMs how long to wait for lagging inputs, or {@code null} to wait forever
     * @param nanoClock     the monotonic clock ({@code System::nanoTime}; tests pass their own)
     */
    MixerNode(List<String> fixedPins, Long syncTimeoutMs, LongSupplier nanoClock) {
        this.syncTimeoutNanos = syncTimeoutMs == null ? -1 : Math.max(0, syncTimeoutMs) * 1_000_000L;
        this.nanoClock = nanoClock;
        this.inputs = new MixerInputs(fixedPins);
    }

    @Override
    public Invocation invocation() {
        return Invocation.BLOCKING;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) throws Exception {
        AudioFrame frame = AudioPackets.requireAudio(inputPin, packet);
        if (failed || frame.frameCount() == 0) return;
        PinQueue queue = inputs.accept(inputPin);
        if (queue == null) return;
        if (clock == null) {
            sampleRate = frame.sampleRate();
            ratePin = inputPin;
            frameSize = frame.frameCount();
            clock = new SampleClock(sampleRate);
            clock.startAt(frame.metadata());
        } else if (frame.sampleRate() != sampleRate) {
            failed = true;
            out.fail(NodeException.invalidMedia("mixer inputs must share one sample rate: pin '" + ratePin + "' has "
                    + sampleRate + " Hz, pin '" + inputPin + "' has " + frame.sampleRate() + " Hz"));
            return;
        }
        queue.add(frame, nanoClock.getAsLong());
        channels = Math.max(channels, frame.channels());
        mixWhileReady(out);
        mixIfTimedOut(out);
    }

    @Override
    public void onInputEnd(String inputPin, Outputs out) {
        if (failed) return;
        inputs.end(inputPin);
        mixWhatIsDue(out);
    }

    /** {@code InputConnected} opens the pin; {@code InputDisconnected} closes it and drops its audio. */
    @Override
    public void onControl(ControlMessage message, Outputs out) {
        if (failed) return;
        if (message instanceof ControlMessage.InputConnected connected) {
            inputs.connect(connected.pin());
        } else if (message instanceof ControlMessage.InputDisconnected disconnected) {
            inputs.disconnect(disconnected.pin());
            mixWhatIsDue(out);
        }
    }

    /**
     * After a pin closed: mixes what no longer waits for it; with no open pin left, flushes everything and,
     * unless a disconnected pin may come back, finishes.
     */
    private void mixWhatIsDue(Outputs out) {
        if (!inputs.open().isEmpty()) {
            mixWhileReady(out);
            mixIfTimedOut(out);
            return;
        }
        mixAllQueued(out);
        if (inputs.allEnded()) out.finish();
    }

    private void mixWhileReady(Outputs out) {
        while (!inputs.open().isEmpty()) {
            int n = frameSize;
            for (String pin : inputs.open()) n = Math.min(n, inputs.queue(pin).available());
            if (n == 0) return;
            mix(n, out);
        }
    }

    /** Mixes all queued audio, missing inputs as silence, once the oldest frame waited past the timeout. */
    private void mixIfTimedOut(Outputs out) {
        if (syncTimeoutNanos < 0 || clock == null) return;
        Long oldest = null;
        for (PinQueue queue : inputs.queues()) {
            Long arrival = queue.oldestArrivalNanos();
            if (arrival != null && (oldest == null || arrival < oldest)) oldest = arrival;
        }
        if (oldest == null || nanoClock.getAsLong() - oldest < syncTimeoutNanos) return;
        mixAllQueued(out);
    }

    /** Mixes everything queued, in frames of at most {@code frameSize}, missing audio as silence. */
    private void mixAllQueued(Outputs out) {
        for (int n = inputs.largestQueued(); n > 0; n = inputs.largestQueued()) mix(Math.min(n, frameSize), out);
    }

    private void mix(int frames, Outputs out) {
        float[] sum = new float[frames * channels];
        for (PinQueue queue : inputs.queues()) queue.mixInto(sum, channels, frames);
        for (int i = 0; i < sum.length; i++) sum[i] = Math.max(-1f, Math.min(1f, sum[i]));
        inputs.forgetDrained();
        out.send("out", new AudioFrame(sampleRate, channels, sum, clock.stamp(frames)));
    }
}
