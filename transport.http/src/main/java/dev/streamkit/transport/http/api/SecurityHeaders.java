package dev.streamkit.transport.http.api;

import org.eclipse.jetty.server.Response;

/** StreamKit's security headers, put on every response the server makes (API routes and admin mounts alike). */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    /** Adds {@code X-Content-Type-Options}, {@code Referrer-Policy} and {@code X-Frame-Options} to {@code response}. */
    public static void add(Response response) {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("X-Frame-Options", "SAMEORIGIN");
    }
}
