package dev.streamkit.console;

import jakarta.servlet.http.HttpServlet;
import java.util.Hashtable;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the Apache Felix Web Console on the server's own port: mounts the Felix HTTP bridge's whiteboard
 * dispatcher (the Servlet Whiteboard the console registers itself with) in transport.http's Jetty, and
 * publishes it as a Jetty {@link Handler} at {@value #CONSOLE_PATH} for transport.http's admin gate, which
 * lets administrators only through. Lives while both the server and the bridge are there.
 */
@Component(immediate = true, service = {})
public final class ConsoleComponent {

    /** Where the console answers: its default {@code manager.root}. */
    static final String CONSOLE_PATH = "/system/console";
    /** transport.http's service property for admin-only handlers ({@code AdminMounts.PATH_PROPERTY} there). */
    static final String ADMIN_PATH_PROPERTY = "streamkit.http.admin_path";

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleComponent.class);

    @Reference(target = "(streamkit.http.server=main)")
    private Server server;

    /** The bridge's dispatcher servlet, marked by the service property {@code http.felix.dispatcher}. */
    @Reference(target = "(http.felix.dispatcher=*)")
    private HttpServlet dispatcher;

    private ServletMount mount;
    private ServiceRegistration<Handler> registration;

    @Activate
    void activate(BundleContext context) throws Exception {
        mount = ServletMount.start(server, "felix-http-bridge", dispatcher);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ADMIN_PATH_PROPERTY, CONSOLE_PATH);
        registration = context.registerService(Handler.class, mount.handler(), properties);
        LOG.info("Web console at {} (administrators only)", CONSOLE_PATH);
    }

    @Deactivate
    void deactivate() throws Exception {
        if (registration != null) registration.unregister();
        if (mount != null) mount.close();
    }
}
