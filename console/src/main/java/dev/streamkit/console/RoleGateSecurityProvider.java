package dev.streamkit.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

/**
 * Replaces the web console's own login (HTTP Basic, {@code admin:admin} by default) with the server's role
 * check: a request is authenticated when transport.http's admin gate let it through, which it records in the
 * request attribute {@value #ROLE_ATTRIBUTE}; any other request (one that reached the console some other way)
 * gets 403. Ranked above the console's built-in provider, and required by name through the framework property
 * {@code felix.webconsole.security.providers} (set by the launcher), so the console never serves without it.
 */
@Component(property = {
        SecurityProvider.PROPERTY_ID + "=" + RoleGateSecurityProvider.ID,
        Constants.SERVICE_RANKING + ":Integer=1000"})
public final class RoleGateSecurityProvider implements SecurityProvider {

    /** This provider's id, as {@code felix.webconsole.security.providers} names it. */
    static final String ID = "streamkit";
    /** transport.http's request attribute for a request its admin gate let through ({@code AdminGate.ROLE_ATTRIBUTE}). */
    static final String ROLE_ATTRIBUTE = "streamkit.http.admin_role";

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        Object role = request.getAttribute(ROLE_ATTRIBUTE);
        if (role != null) return role;
        refuse(response);
        return null;
    }

    /** Every console action is open to an authenticated caller: only administrators get that far. */
    @Override
    public boolean authorize(Object user, String role) {
        return user != null;
    }

    /** Nothing to forget: the role comes with every request. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
    }

    private static void refuse(HttpServletResponse response) {
        if (response.isCommitted()) return;
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain; charset=utf-8");
        try {
            response.getOutputStream().write(("Permission denied: cannot access " + ConsoleComponent.CONSOLE_PATH)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the client went away; the status is all it would have learnt
        }
    }
}
