package dev.streamkit.security.jwt;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the server remembers of a token it minted ({@code tokens.json}, StreamKit's field names). The raw
 * token is never stored: {@code tokenHash} is the hex SHA-256 of it, binding the {@code jti} to exactly
 * the token issued.
 *
 * @param jti       the token's id
 * @param tokenHash hex SHA-256 of the raw token
 * @param tokenType {@code api} or {@code moq}
 * @param role      the role of an API token, {@code null} for MoQ tokens
 * @param label     a free-form label, may be {@code null}
 * @param createdAt unix seconds
 * @param exp       unix seconds
 * @param revoked   whether it was revoked
 * @param createdBy the {@code jti} of the minting token, or {@code bootstrap}
 */
public record TokenRecord(
        @JsonProperty("jti") String jti,
        @JsonProperty("token_hash") String tokenHash,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("role") String role,
        @JsonProperty("label") String label,
        @JsonProperty("created_at") long createdAt,
        @JsonProperty("exp") long exp,
        @JsonProperty("revoked") boolean revoked,
        @JsonProperty("created_by") String createdBy) {

    /** {@code token_type} of API tokens. */
    public static final String API = "api";
    /** {@code token_type} of MoQ tokens. */
    public static final String MOQ = "moq";

    /** This record marked revoked. */
    public TokenRecord asRevoked() {
        return new TokenRecord(jti, tokenHash, tokenType, role, label, createdAt, exp, true, createdBy);
    }
}
