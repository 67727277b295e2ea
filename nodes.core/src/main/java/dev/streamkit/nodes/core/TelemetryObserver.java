package dev.streamkit.nodes.core;

import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.CustomPacket;
import dev.streamkit.api.packet.Packet;
import java.util.function.LongSupplier;

/**
 * What {@code core::telemetry_out} and {@code core::telemetry_tap} do with each packet they see:
 *
 * <pre>
 *   packet ─▶ kind in packet_types? ─▶ event (PacketTelemetry, CustomTelemetry, AudioLevelMeter)
 *          ─▶ Custom: event type passes event_type_filter? ─▶ TelemetryPublisher (rate limit) ─▶ out.telemetry
 *          then, for every packet: telemetry.health when events were dropped (at most once a second)
 * </pre>
 *
 * As in StreamKit, {@code event_type_filter} selects among the events derived from Custom packets; the
 * other kinds are chosen with {@code packet_types}. Not thread-safe: the node's thread owns it.
 */
final class TelemetryObserver {

    private final TelemetrySettings settings;
    private final TelemetryPublisher publisher;
    private final AudioLevelMeter audioLevels;

    /** @param nanoClock the monotonic clock for rate limiting ({@code System::nanoTime}; tests pass their own) */
    TelemetryObserver(TelemetrySettings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.publisher = new TelemetryPublisher(settings.maxEventsPerSec(), nanoClock);
        this.audioLevels = settings.audioIntervalMs() > 0 ? new AudioLevelMeter(settings.audioIntervalMs()) : null;
    }

    /** Publishes the events {@code packet} gives rise to; never sends packets. */
    void observe(Packet packet, Outputs out) {
        if (settings.selects(packet)) {
            TelemetryEvent event = toEvent(packet);
            if (event != null) publisher.publish(event, out);
        }
        publisher.publishHealth(out);
    }

    private TelemetryEvent toEvent(Packet packet) {
        if (packet instanceof AudioFrame frame) return audioLevels == null ? null : audioLevels.add(frame);
        if (packet instanceof CustomPacket custom) {
            TelemetryEvent event = CustomTelemetry.toEvent(custom);
            return settings.filter().matches(event.eventType()) ? event : null;
        }
        return PacketTelemetry.toEvent(packet);
    }
}
