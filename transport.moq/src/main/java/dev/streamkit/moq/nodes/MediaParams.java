package dev.streamkit.moq.nodes;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;

/**
 * The codec params every {@code transport::moq::*} kind takes (StreamKit's video additions included, so its
 * pipelines validate): StreamKit/J carries Opus audio only, so {@code audio_codec} must be {@code opus} when
 * given, and the video params are accepted without effect.
 */
final class MediaParams {

    static final String AUDIO_CODEC = "audio_codec";
    static final String VIDEO_CODEC = "video_codec";
    static final String VIDEO_WIDTH = "video_width";
    static final String VIDEO_HEIGHT = "video_height";

    private MediaParams() {
    }

    /** Adds the codec params to {@code schema}. */
    static ParamSchema.Builder declare(ParamSchema.Builder schema) {
        return schema
                .param(AUDIO_CODEC, ParamSpec.string().nullable().oneOf("opus", "aac")
                        .describe("Audio codec of the published catalog; StreamKit/J supports opus"))
                .param(VIDEO_CODEC, ParamSpec.string().nullable().oneOf("vp9", "av1", "h264")
                        .describe("Video codec of the catalog (accepted; StreamKit/J carries audio only)"))
                .param(VIDEO_WIDTH, ParamSpec.integer().min(1).defaultValue(640).describe("Catalog video width (accepted, unused)"))
                .param(VIDEO_HEIGHT, ParamSpec.integer().min(1).defaultValue(480).describe("Catalog video height (accepted, unused)"));
    }

    /** Refuses what StreamKit/J cannot carry. */
    static void check(Params params, String audioCodecField) throws NodeException {
        String codec = params.getString(audioCodecField, null);
        if (codec != null && !codec.equals("opus")) {
            throw NodeException.invalidParam(audioCodecField, "'" + codec + "' is not supported: StreamKit/J carries Opus audio only");
        }
    }
}
