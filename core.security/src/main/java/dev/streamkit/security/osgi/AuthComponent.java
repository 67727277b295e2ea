package dev.streamkit.security.osgi;

import dev.streamkit.config.ServerConfig;
import dev.streamkit.security.ConfiguredRoles;
import dev.streamkit.security.PermissionSet;
import dev.streamkit.security.auth.ApiAuthenticator;
import dev.streamkit.security.auth.StartupRules;
import dev.streamkit.security.jwt.AuthState;
import dev.streamkit.security.jwt.MoqAccessPolicy;
import dev.streamkit.security.jwt.MoqAuthorizer;
import java.time.Clock;
import java.util.Map;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's authentication, from {@code [auth]}: when it is on ({@code enabled}, or {@code auto} on a
 * non-loopback {@code [server].address}) opens the state directory and writes the bootstrap {@code admin.token}
 * (owner-only) on first use. Registers the {@link ApiAuthenticator} the HTTP transport uses and the
 * {@link MoqAuthorizer} the MoQ gateway calls, in both modes (switched off when auth is off). Logs where the
 * admin token is, never the token.
 */
@Component(immediate = true, service = {})
// Registered in activate(), so declared for the resolver (transport.http and the MoQ gateway require them).
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"dev.streamkit.security.auth.ApiAuthenticator\"",
        uses = ApiAuthenticator.class)
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"dev.streamkit.security.jwt.MoqAuthorizer\"",
        uses = MoqAuthorizer.class)
public final class AuthComponent {

    private static final Logger LOG = LoggerFactory.getLogger(AuthComponent.class);

    @Reference
    private ServerConfig config;

    private ServiceRegistration<ApiAuthenticator> apiRegistration;
    private ServiceRegistration<MoqAuthorizer> moqRegistration;

    @Activate
    void activate(BundleContext context) throws Exception {
        Map<String, PermissionSet> roles = ConfiguredRoles.of(config.permissions.roles);
        TokenAuthenticator authenticator;
        if (StartupRules.authEnabled(config)) {
            authenticator = TokenAuthenticator.enabled(config.auth.cookieName, roles,
                    () -> AuthState.open(config.auth, Clock.systemUTC()));
            AuthState state = authenticator.state();
            boolean written = state.bootstrapAdminToken();
            LOG.info("Authentication is on ([auth].mode = {}): {} {}", config.auth.mode,
                    written ? "wrote the bootstrap admin token to" : "the bootstrap admin token is in", state.adminTokenFile());
        } else {
            authenticator = TokenAuthenticator.disabled(config.auth.cookieName, roles);
            LOG.info("Authentication is off ([auth].mode = {} on {})", config.auth.mode, config.server.address);
        }
        MoqAccessPolicy moq = new MoqAccessPolicy(authenticator.enabled(), config.auth.moqPublicPaths,
                () -> authenticator.state().verifier());
        apiRegistration = context.registerService(ApiAuthenticator.class, authenticator, null);
        moqRegistration = context.registerService(MoqAuthorizer.class, moq, null);
    }

    @Deactivate
    void deactivate() {
        if (moqRegistration != null) moqRegistration.unregister();
        if (apiRegistration != null) apiRegistration.unregister();
    }
}
