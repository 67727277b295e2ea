package dev.streamkit.security.jwt;

import dev.streamkit.config.ServerConfig;
import java.time.Duration;

/**
 * Default and maximum TTLs per token kind, from {@code [auth]}.
 *
 * @param api API token lifetimes
 * @param moq MoQ token lifetimes
 */
public record TokenLifetimes(Lifetime api, Lifetime moq) {

    /** The lifetimes {@code config} sets. */
    public static TokenLifetimes of(ServerConfig.Auth config) {
        return new TokenLifetimes(new Lifetime(config.apiDefaultTtlSecs, config.apiMaxTtlSecs),
                new Lifetime(config.moqDefaultTtlSecs, config.moqMaxTtlSecs));
    }

    /** The longest any token may live: how long a retired signing key must keep verifying. */
    public Duration longest() {
        return Duration.ofSeconds(Math.max(api.maxSecs(), moq.maxSecs()));
    }

    /**
     * One kind's TTL bounds.
     *
     * @param defaultSecs used when a request names no TTL
     * @param maxSecs     the largest TTL a request may ask for
     */
    public record Lifetime(long defaultSecs, long maxSecs) {

        /**
         * The TTL to use for a request asking for {@code requested} seconds ({@code null}: the default).
         *
         * @throws IllegalArgumentException when it is not positive or over the maximum (StreamKit's text)
         */
        public long resolve(Long requested) {
            long ttl = requested == null ? defaultSecs : requested;
            if (ttl > maxSecs) throw new IllegalArgumentException("TTL exceeds maximum allowed (" + maxSecs + " seconds)");
            if (ttl <= 0) throw new IllegalArgumentException("TTL must be positive");
            return ttl;
        }
    }
}
