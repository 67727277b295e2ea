package dev.streamkit.nodes.core;

import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.CustomPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.api.packet.TranscriptionPacket;
import java.util.Base64;

/**
 * StreamKit's JSON form of a runtime packet (serde's externally tagged enum):
 *
 * <pre>
 *   {"Audio":{"sample_rate":..,"channels":..,"samples":[..],"metadata":..}}
 *   {"Text":"..."}
 *   {"Transcription":{"text":..,"segments":[{"text","start_time_ms","end_time_ms","confidence"}],"language":..,"metadata":..}}
 *   {"Custom":{"type_id":..,"encoding":"json","data":&lt;json&gt;,"metadata":..}}
 *   {"Binary":{"data":"&lt;base64&gt;","content_type":..,"metadata":..}}
 * </pre>
 *
 * Absent optional fields are {@code null}, as serde writes {@code Option::None}; metadata with every
 * field unknown is {@code "metadata":null}.
 */
final class PacketJson {

    private PacketJson() {
    }

    /**
     * Writes {@code packet} as the writer's next value.
     *
     * @throws IllegalArgumentException if a custom payload is not valid JSON, or the packet class is unknown
     */
    static void write(Packet packet, JsonWriter json) {
        json.beginObject();
        if (packet instanceof AudioFrame audio) {
            audio(audio, json);
        } else if (packet instanceof TextPacket text) {
            json.name("Text").string(text.text());
        } else if (packet instanceof TranscriptionPacket transcription) {
            transcription(transcription, json);
        } else if (packet instanceof CustomPacket custom) {
            custom(custom, json);
        } else if (packet instanceof BinaryPacket binary) {
            binary(binary, json);
        } else {
            throw new IllegalArgumentException("no JSON form for " + packet.getClass().getName());
        }
        json.endObject();
    }

    private static void audio(AudioFrame frame, JsonWriter json) {
        json.name("Audio").beginObject()
                .name("sample_rate").integer(frame.sampleRate())
                .name("channels").integer(frame.channels())
                .name("samples").beginArray();
        for (float sample : frame.samples()) json.decimal(sample);
        json.endArray();
        metadata(frame.metadata(), json);
        json.endObject();
    }

    private static void transcription(TranscriptionPacket transcription, JsonWriter json) {
        json.name("Transcription").beginObject()
                .name("text").string(transcription.text())
                .name("segments").beginArray();
        for (TranscriptionPacket.Segment segment : transcription.segments()) {
            json.beginObject()
                    .name("text").string(segment.text())
                    .name("start_time_ms").integer(segment.startTimeMs())
                    .name("end_time_ms").integer(segment.endTimeMs())
                    .name("confidence");
            // StreamKit's confidence is an f32: print it at float precision, as StreamKit does.
            if (segment.confidence() == null) json.nullValue();
            else json.decimal(segment.confidence().floatValue());
            json.endObject();
        }
        json.endArray()
                .name("language").string(transcription.language());
        metadata(transcription.metadata(), json);
        json.endObject();
    }

    private static void custom(CustomPacket custom, JsonWriter json) {
        json.name("Custom").beginObject()
                .name("type_id").string(custom.typeId())
                .name("encoding").string("json")
                .name("data");
        JsonReformatter.copy(custom.jsonData(), json);
        metadata(custom.metadata(), json);
        json.endObject();
    }

    private static void binary(BinaryPacket binary, JsonWriter json) {
        json.name("Binary").beginObject()
                .name("data").string(Base64.getEncoder().encodeToString(binary.data()))
                .name("content_type").string(binary.contentType());
        metadata(binary.metadata(), json);
        json.endObject();
    }

    private static void metadata(PacketMetadata metadata, JsonWriter json) {
        json.name("metadata");
        if (metadata.equals(PacketMetadata.NONE)) {
            json.nullValue();
            return;
        }
        json.beginObject()
                .name("timestamp_us").integerOrNull(metadata.timestampUs())
                .name("duration_us").integerOrNull(metadata.durationUs())
                .name("sequence").integerOrNull(metadata.sequence())
                .endObject();
    }
}
