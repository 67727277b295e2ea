package dev.streamkit.security.jwt;

import java.util.List;
import java.util.Optional;

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
public record MoqClaims(String jti, String root, List<String> subscribe, List<String> publish, long exp)
        implements MoqGrant {

    public MoqClaims {
        subscribe = List.copyOf(subscribe);
        publish = List.copyOf(publish);
    }

    /**
     * These claims as they apply to a connection on {@code connectionPath}: nothing when the path is not
     * under {@code root}; otherwise {@code root} becomes the connection path and each permission is reduced
     * to the part below it ({@link MoqPaths#reduce}).
     */
    public Optional<MoqClaims> scopedTo(String connectionPath) {
        return MoqPaths.below(root, connectionPath).map(suffix -> new MoqClaims(jti, connectionPath,
                MoqPaths.reduce(subscribe, suffix), MoqPaths.reduce(publish, suffix), exp));
    }

    /** Whether these claims let a client subscribe to {@code broadcast} (relative to {@code root}). */
    @Override
    public boolean maySubscribe(String broadcast) {
        return MoqPaths.anyCovers(subscribe, broadcast);
    }

    /** Whether these claims let a client publish {@code broadcast} (relative to {@code root}). */
    @Override
    public boolean mayPublish(String broadcast) {
        return MoqPaths.anyCovers(publish, broadcast);
    }
}
