/**
 * Authentication of HTTP requests and WebSocket upgrades, as the transports use it. The
 * {@link dev.streamkit.security.auth.ApiAuthenticator} service says whether JWT auth is on ({@code [auth].mode})
 * and turns a request's token ({@code Authorization: Bearer}, else the session cookie; never the query string)
 * into a {@link dev.streamkit.security.auth.Caller}, or refuses it with an
 * {@link dev.streamkit.security.auth.AuthenticationFailed} carrying StreamKit's 401 text. When auth is off the
 * transports keep resolving roles as before ({@link dev.streamkit.security.RoleResolver}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.streamkit.security.auth;
