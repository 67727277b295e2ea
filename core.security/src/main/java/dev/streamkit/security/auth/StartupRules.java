package dev.streamkit.security.auth;

import dev.streamkit.config.ServerConfig;
import dev.streamkit.security.ExposureCheck;
import dev.streamkit.security.jwt.AuthMode;

/**
 * Whether the server may start with its configuration, as far as access control goes. With JWT auth on
 * ({@code [auth].mode} {@code enabled}, or {@code auto} on a non-loopback address) any address is fine, but a
 * {@code *} in {@code [server.cors].allowed_origins} is refused: the session cookie needs explicit origins.
 * With auth off, StreamKit's rule holds ({@link ExposureCheck}): a non-loopback address needs a trusted role
 * header or {@code allow_insecure_no_auth}.
 */
public final class StartupRules {

    private StartupRules() {
    }

    /** Whether JWT auth is on for {@code config}. */
    public static boolean authEnabled(ServerConfig config) {
        return AuthMode.parse(config.auth.mode).enabledFor(ListenHost.of(config.server.address));
    }

    /**
     * Why the server must not start, or {@code null} when it may.
     *
     * @throws IllegalArgumentException for an invalid {@code [auth].mode}
     */
    public static String refusal(ServerConfig config) {
        String host = ListenHost.of(config.server.address);
        if (!AuthMode.parse(config.auth.mode).enabledFor(host)) return ExposureCheck.refusal(host, config.permissions);
        if (config.server.cors.allowedOrigins.contains("*")) {
            return "Refusing to start: [server.cors].allowed_origins contains \"*\" while authentication is on ([auth].mode = '"
                    + config.auth.mode + "' on " + host + "); the session cookie needs explicit origins, e.g."
                    + " [\"https://media.internal:8443\"].";
        }
        return null;
    }

    /**
     * A warning to log when the server runs without auth beyond loopback (a trusted role header or
     * {@code allow_insecure_no_auth}), else {@code null}.
     */
    public static String warning(ServerConfig config) {
        String host = ListenHost.of(config.server.address);
        if (authEnabled(config) || ExposureCheck.isLoopback(host)) return null;
        boolean roleHeader = config.permissions.roleHeader != null && !config.permissions.roleHeader.isBlank();
        return roleHeader
                ? "Authentication is disabled on " + host + ": roles come from the " + config.permissions.roleHeader
                        + " header, which only an authenticating proxy in front of StreamKit may set"
                : "Authentication is disabled on " + host + " and allow_insecure_no_auth is set: anyone who reaches"
                        + " the port acts as role '" + config.permissions.defaultRole + "'";
    }
}
