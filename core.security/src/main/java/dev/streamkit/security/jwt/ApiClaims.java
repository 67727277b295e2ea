package dev.streamkit.security.jwt;

/**
 * What a verified API token grants.
 *
 * @param jti  the token's id (for revocation and {@code created_by})
 * @param role the role name, known to the server at verification time
 * @param exp  expiry, unix seconds
 */
public record ApiClaims(String jti, String role, long exp) {
}
