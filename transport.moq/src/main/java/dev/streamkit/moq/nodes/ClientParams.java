package dev.streamkit.moq.nodes;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * What the client kinds ({@code transport::moq::publisher}, {@code subscriber}) share: the relay {@code url}
 * (which may be this server's own gateway, e.g. {@code http://127.0.0.1:4545/moq/input}) and the
 * {@code broadcast} path on it.
 *
 * @param url       an {@code http} or {@code https} URL with a host
 * @param broadcast the broadcast's path on the relay
 */
record ClientParams(URI url, String broadcast) {

    static final String URL = "url";
    static final String BROADCAST = "broadcast";

    /** The schema with the shared params, to which a kind adds its own. */
    static ParamSchema.Builder schema(String urlDescription) {
        return MediaParams.declare(ParamSchema.builder()
                .param(URL, ParamSpec.string().defaultValue("").describe(urlDescription))
                .param(BROADCAST, ParamSpec.string().defaultValue("").describe("Broadcast path on the relay")));
    }

    /** Reads the shared params, refusing a URL the client cannot connect to. */
    static ClientParams read(Params params) throws NodeException {
        MediaParams.check(params, MediaParams.AUDIO_CODEC);
        String text = params.getString(URL, "");
        URI url;
        try {
            url = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw NodeException.invalidParam(URL, "is not a URL: " + e.getReason());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw NodeException.invalidParam(URL, "must be an http:// or https:// URL of a MoQ relay, got \"" + text + "\"");
        }
        return new ClientParams(url, params.getString(BROADCAST, ""));
    }
}
