package dev.streamkit.launcher.auth;

import java.io.IOException;

/** The running server's HTTP API as {@code skit auth} uses it: the seam tests replace with a stub. */
public interface ServerApi {

    /**
     * Sends {@code POST path} with {@code Authorization: Bearer token} and {@code json} as its body
     * ({@code null}: none).
     *
     * @throws IOException when no server answers (connection refused, timeout)
     */
    Reply post(String path, String token, String json) throws IOException;

    /** Where the server is expected, for messages. */
    String describe();

    /**
     * A response.
     *
     * @param status the HTTP status
     * @param body   its body as text
     */
    record Reply(int status, String body) {
    }
}
