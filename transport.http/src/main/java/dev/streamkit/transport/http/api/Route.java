package dev.streamkit.transport.http.api;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP endpoint. {@code handle} owns the callback: it must complete it (directly or through a
 * response write) exactly once. It may block: Jetty runs it on a pooled thread.
 */
@FunctionalInterface
public interface Route {

    void handle(Request request, Response response, Callback callback) throws Exception;
}
