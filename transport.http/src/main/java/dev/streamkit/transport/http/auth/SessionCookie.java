package dev.streamkit.transport.http.auth;

/**
 * StreamKit's browser session cookie: {@code <name>=<token>; HttpOnly; SameSite=Strict; Path=<base path or
 * />[; Secure]; Max-Age=<seconds left>}, and the same with an empty value and {@code Max-Age=0} to log out.
 *
 * @param name   {@code [auth].cookie_name}
 * @param path   {@code [server].base_path} without a trailing slash, or {@code /}
 * @param secure whether {@code [server].tls} is on
 */
public record SessionCookie(String name, String path, boolean secure) {

    /** The cookie for {@code basePath} ({@code null} or blank: {@code /}). */
    public static SessionCookie of(String name, String basePath, boolean secure) {
        String trimmed = basePath == null ? "" : basePath.replaceAll("^/+|/+$", "");
        return new SessionCookie(name, "/" + trimmed, secure);
    }

    /** The {@code Set-Cookie} value holding {@code token} for {@code maxAgeSecs}. */
    public String set(String token, long maxAgeSecs) {
        return name + "=" + token + attributes(Math.max(0, maxAgeSecs));
    }

    /** The {@code Set-Cookie} value that removes the cookie. */
    public String clear() {
        return name + "=" + attributes(0);
    }

    private String attributes(long maxAge) {
        return "; HttpOnly; SameSite=Strict; Path=" + path + (secure ? "; Secure" : "") + "; Max-Age=" + maxAge;
    }
}
