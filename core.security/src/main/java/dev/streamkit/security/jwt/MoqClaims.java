package dev.streamkit.security.jwt;

import java.util.List;

/**
 * What a verified MoQ token grants: connections under {@code root}, subscribing to the {@code get} path
 * prefixes and publishing to the {@code put} ones ({@code ""} allows all, an empty list nothing).
 *
 * @param jti       the token's id
 * @param root      URL path prefix the token is valid for
 * @param subscribe {@code get} prefixes
 * @param publish   {@code put} prefixes
 * @param exp       expiry, unix seconds
 */
public record MoqClaims(String jti, String root, List<String> subscribe, List<String> publish, long exp) {

    public MoqClaims {
        subscribe = List.copyOf(subscribe);
        publish = List.copyOf(publish);
    }
}
