/**
 * StreamKit's role-based access control. With authentication off, a request names its role through
 * a trusted header set by a proxy ({@code [permissions].role_header}), else {@code SK_ROLE}, else
 * {@code [permissions].default_role} ({@link RoleResolver}). A {@link Role} is that name with a
 * {@link PermissionSet}: fifteen {@link Permission} flags and four glob {@link Allowlist}s (samples,
 * node kinds, plugin kinds, assets). Sessions remember the role that created them; a role without
 * {@link Permission#ACCESS_ALL_SESSIONS} sees and acts only on its own ({@link Role#mayAccess}).
 * Refusals carry StreamKit's exact texts ({@link AccessDenied}). With built-in JWT authentication on
 * ({@code dev.streamkit.security.jwt}, {@code dev.streamkit.security.auth}) the role comes from the token.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package dev.streamkit.security;
