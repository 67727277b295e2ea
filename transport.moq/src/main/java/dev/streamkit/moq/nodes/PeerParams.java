package dev.streamkit.moq.nodes;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.moq.gateway.GatewayPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code transport::moq::peer}'s params (StreamKit's, streamkit-next §4.4).
 *
 * @param gatewayPath          normalised base path of the peer's three routes
 * @param inputBroadcasts      broadcasts taken from publishers, the first being the primary one (non-empty)
 * @param outputBroadcast      the broadcast served to subscribers
 * @param allowReconnect       whether a new publisher may replace one that left
 * @param groupDurationMs      length of an output group
 * @param initialDelayMs       added to every output timestamp (playout delay)
 */
record PeerParams(String gatewayPath, List<String> inputBroadcasts, String outputBroadcast, boolean allowReconnect,
                  long groupDurationMs, long initialDelayMs) {

    static final String GATEWAY_PATH = "gateway_path";
    static final String INPUT_BROADCASTS = "input_broadcasts";
    static final String INPUT_BROADCAST = "input_broadcast";
    static final String OUTPUT_BROADCAST = "output_broadcast";
    static final String ALLOW_RECONNECT = "allow_reconnect";
    static final String GROUP_DURATION = "output_group_duration_ms";
    static final String INITIAL_DELAY = "output_initial_delay_ms";
    static final String SUBSCRIBER_AUDIO_CODEC = "subscriber_audio_codec";

    static final String DEFAULT_INPUT = "input";
    static final String DEFAULT_OUTPUT = "output";
    static final long DEFAULT_GROUP_MS = 40;

    PeerParams {
        inputBroadcasts = List.copyOf(inputBroadcasts);
    }

    /** The broadcast whose tracks become the unprefixed pins ({@code out}, {@code audio/data}). */
    String primaryInput() {
        return inputBroadcasts.get(0);
    }

    static ParamSchema schema() {
        return MediaParams.declare(ParamSchema.builder()
                .param(GATEWAY_PATH, ParamSpec.string().defaultValue(GatewayPaths.DEFAULT)
                        .describe("Base path: publishers use {gateway_path}/input, subscribers {gateway_path}/output, "
                                + "bidirectional clients the base path"))
                .param(INPUT_BROADCASTS, ParamSpec.array().defaultValue(List.of(DEFAULT_INPUT))
                        .describe("Broadcasts received from publishers; the first is the primary one"))
                .param(INPUT_BROADCAST, ParamSpec.string()
                        .describe("StreamKit v0.1's single input broadcast (same as input_broadcasts: [name])"))
                .param(OUTPUT_BROADCAST, ParamSpec.string().defaultValue(DEFAULT_OUTPUT).describe("Broadcast offered to subscribers"))
                .param(ALLOW_RECONNECT, ParamSpec.bool().defaultValue(false)
                        .describe("Accept a new publisher without recreating the session"))
                .param(GROUP_DURATION, ParamSpec.integer().min(1).defaultValue(DEFAULT_GROUP_MS).unit("ms")
                        .describe("Duration of each output MoQ group"))
                .param(INITIAL_DELAY, ParamSpec.integer().min(0).defaultValue(0).unit("ms")
                        .describe("Timestamp offset of the output (playout delay)"))
                .param(SUBSCRIBER_AUDIO_CODEC, ParamSpec.string().nullable().oneOf("opus", "aac")
                        .describe("Audio codec of the subscriber catalog; StreamKit/J supports opus")))
                .build();
    }

    /** Reads validated params, refusing what the schema cannot say (an empty or non-string broadcast list). */
    static PeerParams read(Params params) throws NodeException {
        MediaParams.check(params, MediaParams.AUDIO_CODEC);
        MediaParams.check(params, SUBSCRIBER_AUDIO_CODEC);
        List<String> inputs = inputBroadcasts(params);
        return new PeerParams(GatewayPaths.normalize(params.getString(GATEWAY_PATH, GatewayPaths.DEFAULT)), inputs,
                params.getString(OUTPUT_BROADCAST, DEFAULT_OUTPUT), params.getBoolean(ALLOW_RECONNECT, false),
                params.getLong(GROUP_DURATION, DEFAULT_GROUP_MS), params.getLong(INITIAL_DELAY, 0));
    }

    private static List<String> inputBroadcasts(Params params) throws NodeException {
        Object list = params.get(INPUT_BROADCASTS);
        String single = params.getString(INPUT_BROADCAST, null);
        if (list != null && single != null) {
            throw NodeException.invalidParam(INPUT_BROADCAST, "give either input_broadcast or input_broadcasts, not both");
        }
        if (single != null) return List.of(single);
        if (list == null) return List.of(DEFAULT_INPUT);
        List<String> names = new ArrayList<>();
        for (Object item : (List<?>) list) {
            if (!(item instanceof String name) || name.isBlank()) {
                throw NodeException.invalidParam(INPUT_BROADCASTS, "must hold broadcast names (non-empty strings), got " + item);
            }
            names.add(name);
        }
        if (names.isEmpty()) throw NodeException.invalidParam(INPUT_BROADCASTS, "must not be empty");
        return names;
    }
}
