package dev.streamkit.console;

import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

/**
 * One servlet served by a running Jetty {@link Server} outside its handler tree: a servlet context at the
 * root (no sessions, no security) with the servlet on {@code /*}, so that it sees the whole request path as
 * its path info, as a servlet bridge expects. Started here and stopped by {@link #close()}; whoever routes
 * requests to {@link #handler()} decides which paths reach it.
 */
final class ServletMount implements AutoCloseable {

    private final ServletContextHandler context;

    private ServletMount(ServletContextHandler context) {
        this.context = context;
    }

    /** Initialises {@code servlet} (named {@code name}) in a new started context of {@code server}. */
    static ServletMount start(Server server, String name, HttpServlet servlet) throws Exception {
        ServletContextHandler context = new ServletContextHandler("/");
        context.setServer(server);
        ServletHolder holder = new ServletHolder(name, servlet);
        holder.setInitOrder(0); // init at start: the bridge registers its whiteboard runtime in init()
        context.addServlet(holder, "/*");
        context.start();
        return new ServletMount(context);
    }

    /** The handler serving requests with the servlet. */
    Handler handler() {
        return context;
    }

    /** Destroys the servlet and stops the context. */
    @Override
    public void close() throws Exception {
        context.stop();
    }
}
