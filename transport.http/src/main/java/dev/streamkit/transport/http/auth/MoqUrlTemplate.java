package dev.streamkit.transport.http.auth;

import java.net.URI;

/**
 * The copy/paste URL of a minted MoQ token ({@code url_template}): with {@code [server].moq_gateway_url}, that
 * URL's scheme and authority, the token's root as the path, and the gateway's query plus {@code jwt=<token>};
 * without it, the relative {@code /<root>?jwt=<token>}.
 *
 * @param gatewayUrl {@code [server].moq_gateway_url}, or {@code null}
 */
public record MoqUrlTemplate(String gatewayUrl) {

    /** The URL for a token valid under {@code root}. */
    public String of(String root, String token) {
        String path = root.startsWith("/") ? root : "/" + root;
        if (gatewayUrl == null || gatewayUrl.isBlank()) return path + "?jwt=" + token;
        URI gateway = URI.create(gatewayUrl.trim());
        String query = gateway.getRawQuery() == null || gateway.getRawQuery().isEmpty() ? "" : gateway.getRawQuery() + "&";
        return gateway.getScheme() + "://" + gateway.getRawAuthority() + path + "?" + query + "jwt=" + token;
    }
}
