/**
 * StreamKit's built-in JWT authentication, as a library; {@code dev.streamkit.security.auth} wires it into the
 * transports.
 * The model, outermost first: an {@link dev.streamkit.security.jwt.AuthState} opens the state directory
 * ({@code [auth].state_dir}); it holds the {@link dev.streamkit.security.jwt.SigningKeys} (the active
 * Ed25519 key as a JWK and the public {@code jwks.json}) and the
 * {@link dev.streamkit.security.jwt.TokenRegistry} (metadata of every minted token, {@code tokens.json});
 * the {@link dev.streamkit.security.jwt.TokenMinter} issues API and MoQ tokens and the
 * {@link dev.streamkit.security.jwt.TokenVerifier} accepts a token only when its signature, audience,
 * times and registry entry all hold, refusing with a {@link dev.streamkit.security.jwt.TokenRejected}.
 * A verified MoQ token's paths are matched by segment ({@link dev.streamkit.security.jwt.MoqPaths}).
 *
 * <p>Every file is written through {@link dev.streamkit.security.jwt.CrashSafeFile}; secrets are written
 * owner-only. NOTE: no type here prints a token or key material in {@code toString}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package dev.streamkit.security.jwt;
