package dev.streamkit.security.auth;

import dev.streamkit.security.Role;
import java.util.Objects;

/**
 * Who an authenticated request acts for: the role its API token names (configured at verification time) and
 * the token's id.
 *
 * @param role the token's role with its permissions
 * @param jti  the token's id ({@code created_by} of tokens it mints; revocation)
 * @param exp  the token's expiry, unix seconds
 */
public record Caller(Role role, String jti, long exp) {

    public Caller {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(jti, "jti");
    }
}
