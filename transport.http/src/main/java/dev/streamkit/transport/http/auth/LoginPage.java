package dev.streamkit.transport.http.auth;

import dev.streamkit.transport.http.api.Route;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /login}: a small self-contained page where a browser user pastes an API token; it posts it to
 * {@code api/v1/auth/login} (relative, so that it works under {@code [server].base_path}), which sets the
 * HttpOnly session cookie, then goes to the {@code next} query parameter when it is a local path, else to
 * {@code /}. The token never appears in a URL.
 */
public final class LoginPage implements Route {

    private static final byte[] PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>StreamKit/J login</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; }
            textarea { width: 100%; height: 8rem; font-family: monospace; }
            #error { color: #b00020; }
            </style></head>
            <body><h1>StreamKit/J</h1>
            <p>Paste an API token (the bootstrap one is in <code>admin.token</code> of <code>[auth].state_dir</code>,
            or run <code>./skit auth print-admin-token</code>).</p>
            <form id="login"><textarea id="token" autocomplete="off" spellcheck="false" required></textarea>
            <p><button type="submit">Log in</button> <span id="error" role="alert"></span></p></form>
            <script>
            document.getElementById('login').addEventListener('submit', async (event) => {
              event.preventDefault();
              const error = document.getElementById('error');
              error.textContent = '';
              const response = await fetch('api/v1/auth/login', {
                method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ token: document.getElementById('token').value.trim() })
              });
              if (response.status !== 204) { error.textContent = await response.text(); return; }
              const next = new URLSearchParams(location.search).get('next');
              location.assign(next && next.startsWith('/') && !next.startsWith('//') ? next : './');
            });
            </script></body></html>
            """.getBytes(StandardCharsets.UTF_8);

    @Override
    public void handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put("Cache-Control", "no-store");
        response.getHeaders().put("Content-Security-Policy",
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'");
        response.write(true, ByteBuffer.wrap(PAGE), callback);
    }
}
