package dev.streamkit.security.jwt;

import dev.streamkit.security.ExposureCheck;
import java.util.Locale;

/** {@code [auth].mode}: whether JWT authentication is on, possibly decided by the listen address. */
public enum AuthMode {
    /** Off on a loopback bind, on for any other bind. */
    AUTO,
    ENABLED,
    DISABLED;

    /**
     * Parses a configured mode ({@code auto}, {@code enabled}, {@code disabled}, any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static AuthMode parse(String configured) {
        String value = configured == null ? "auto" : configured.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto" -> AUTO;
            case "enabled" -> ENABLED;
            case "disabled" -> DISABLED;
            default -> throw new IllegalArgumentException(
                    "Invalid [auth].mode '" + configured + "': expected auto, enabled or disabled");
        };
    }

    /**
     * Whether authentication is on for a server listening on {@code host}. Pure for address literals; a
     * host name counts as loopback only when every address it resolves to is one.
     */
    public boolean enabledFor(String host) {
        return switch (this) {
            case ENABLED -> true;
            case DISABLED -> false;
            case AUTO -> !ExposureCheck.isLoopback(host);
        };
    }
}
