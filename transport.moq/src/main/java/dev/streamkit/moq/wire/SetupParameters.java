package dev.streamkit.moq.wire;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SETUP parameters in the draft-14 layout: a varint count, then per parameter a varint key; an even key is
 * followed by a varint value, an odd key by a varint length and bytes.
 *
 * @param varints even keys and their values
 * @param blobs   odd keys and their bytes
 */
public record SetupParameters(Map<Long, Long> varints, Map<Long, byte[]> blobs) {

    /** Key of the MaxRequestId parameter (even: varint). */
    public static final long MAX_REQUEST_ID = 2;
    /** Key of the Implementation parameter (odd: bytes, UTF-8). */
    public static final long IMPLEMENTATION = 7;
    /** The most parameters accepted in one SETUP. */
    public static final int MAX_COUNT = 64;

    public SetupParameters {
        varints = Collections.unmodifiableMap(new LinkedHashMap<>(varints));
        blobs = Collections.unmodifiableMap(new LinkedHashMap<>(blobs));
    }

    /** No parameters. */
    public static SetupParameters none() {
        return new SetupParameters(Map.of(), Map.of());
    }

    /** Just the Implementation parameter. */
    public static SetupParameters implementation(String name) {
        return new SetupParameters(Map.of(), Map.of(IMPLEMENTATION, name.getBytes(StandardCharsets.UTF_8)));
    }

    void encode(WireWriter writer) {
        writer.varint(varints.size() + blobs.size());
        varints.forEach((key, value) -> writer.varint(key).varint(value));
        blobs.forEach((key, value) -> writer.varint(key).varint(value.length).bytes(value));
    }

    static SetupParameters decode(WireReader reader) throws ProtocolViolation {
        long count = reader.varint();
        if (count > MAX_COUNT) {
            throw new ProtocolViolation(MoqErrorCode.TOO_MANY_PARAMETERS, count + " SETUP parameters");
        }
        Map<Long, Long> varints = new LinkedHashMap<>();
        Map<Long, byte[]> blobs = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            long key = reader.varint();
            if (varints.containsKey(key) || blobs.containsKey(key)) {
                throw new ProtocolViolation(MoqErrorCode.DUPLICATE, "duplicate SETUP parameter " + key);
            }
            if (key % 2 == 0) {
                varints.put(key, reader.varint());
            } else {
                blobs.put(key, reader.bytes(reader.count(reader.remaining(), "parameter length")));
            }
        }
        return new SetupParameters(varints, blobs);
    }
}
