package dev.streamkit.transport.http.osgi;

import dev.streamkit.config.HostPort;
import dev.streamkit.config.ServerConfig;
import dev.streamkit.engine.Engine;
import dev.streamkit.plugins.PluginCatalog;
import dev.streamkit.security.Permission;
import dev.streamkit.security.RoleResolver;
import dev.streamkit.security.auth.ApiAuthenticator;
import dev.streamkit.security.auth.StartupRules;
import dev.streamkit.transport.http.admin.AdminGate;
import dev.streamkit.transport.http.admin.AdminMounts;
import dev.streamkit.transport.http.api.ApiHandler;
import dev.streamkit.transport.http.auth.AuthGate;
import dev.streamkit.transport.http.auth.AuthRoutes;
import dev.streamkit.transport.http.auth.FailedAuthLimiter;
import dev.streamkit.transport.http.auth.MoqUrlTemplate;
import dev.streamkit.transport.http.auth.RequestAuthentication;
import dev.streamkit.transport.http.auth.SessionCookie;
import dev.streamkit.transport.http.control.ControlEndpoint;
import dev.streamkit.transport.http.api.HealthRoute;
import dev.streamkit.transport.http.api.NodeSchemaCatalog;
import dev.streamkit.transport.http.api.OriginPolicy;
import dev.streamkit.transport.http.api.PacketTypeCatalog;
import dev.streamkit.transport.http.api.PermissionsJson;
import dev.streamkit.transport.http.api.RequestRoles;
import dev.streamkit.transport.http.api.RoleQuotas;
import dev.streamkit.transport.http.api.UnknownRoleGate;
import dev.streamkit.transport.http.api.Responses;
import dev.streamkit.transport.http.oneshot.ProcessRoute;
import dev.streamkit.transport.http.plugins.PluginRoutes;
import dev.streamkit.transport.http.sessions.SessionRoutes;
import dev.streamkit.transport.http.samples.SampleRoutes;
import dev.streamkit.transport.http.samples.SampleStore;
import dev.streamkit.transport.http.ui.StaticFiles;
import dev.streamkit.transport.http.assets.AssetRoutes;
import dev.streamkit.transport.http.moq.CertificateRoutes;
import dev.streamkit.quic.WebTransportEndpoint;
import dev.streamkit.transport.http.assets.AudioAssetStore;
import dev.streamkit.transport.http.limits.RequestBodyDeadline;
import dev.streamkit.transport.http.limits.SlowClientGuard;
import dev.streamkit.transport.http.limits.SlowClientLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.net.InetSocketAddress;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Runs the Jetty server on {@code [server].address}: HTTP/1.1 and cleartext HTTP/2 on one TCP port, with
 * StreamKit's routes, each behind its RBAC permission (spec §4.1, §9). Starts when the engine, the
 * configuration and the {@link ApiAuthenticator} are available; stops with the bundle. With JWT auth on, the
 * {@link AuthGate} requires a token on {@code /api/*}, the control WebSocket and the console, and the
 * {@code /api/v1/auth} routes, {@code /login} and the JWKS are served ({@link AuthRoutes}). With auth off it refuses
 * to activate on a non-loopback address without {@code [permissions].role_header} unless
 * {@code allow_insecure_no_auth} is set ({@link StartupRules}). Jetty {@link Handler} services
 * with {@value AdminMounts#PATH_PROPERTY} (the web console) are served at their path, to administrators only.
 */
@Component(immediate = true, service = {})
// HTTP/3: the Jetty Server registered in activate(), declared for the resolver (transport.http3 requires it).
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.eclipse.jetty.server.Server\"", uses = Server.class)
public final class HttpServerComponent {

    private static final long IDLE_TIMEOUT_MS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerComponent.class);

    @Reference
    private Engine engine;

    @Reference
    private ServerConfig config;

    @Reference
    private PluginCatalog plugins;

    @Reference
    private ApiAuthenticator authenticator;

    /** The WebTransport endpoint of transport.quic, whose certificate hashes CertificateRoutes serve. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile WebTransportEndpoint webTransport;

    private final AdminMounts adminMounts = new AdminMounts();
    private Server server;
    private ControlEndpoint control;
    private SlowClientGuard slowClients;
    private ServiceRegistration<Server> serverRegistration;

    @Activate
    void activate(BundleContext context) throws Exception {
        InetSocketAddress address = HostPort.parse("server.address", config.server.address);
        String refusal = StartupRules.refusal(config);
        if (refusal != null) {
            LOG.error(refusal);
            throw new IllegalStateException(refusal);
        }
        String warning = StartupRules.warning(config);
        if (warning != null) LOG.warn(warning);
        RequestRoles roles = new RequestRoles(RoleResolver.fromConfig(config.permissions, System.getenv()), authenticator);
        RequestAuthentication authentication = new RequestAuthentication(authenticator, FailedAuthLimiter.standard(Clock.systemUTC()));
        NodeSchemaCatalog nodeSchemas = new NodeSchemaCatalog(engine);
        RoleQuotas quotas = new RoleQuotas(config.permissions.roles, engine.sessions());
        OriginPolicy origins = new OriginPolicy(config.server.cors.allowedOrigins);
        ApiHandler api = new ApiHandler(config.server.basePath, origins);
        HealthRoute health = new HealthRoute();
        api.route("GET", "/healthz", health)
                .route("GET", "/health", health)
                .route("GET", "/api/v1/config", (request, response, callback) -> Responses.json(response, callback, clientConfig()))
                .route("GET", "/api/v1/permissions", roles.guard(null, null, (role, request, response, callback) ->
                        Responses.json(response, callback, PermissionsJson.of(role))))
                .route("GET", "/api/v1/schema/nodes", roles.guard(null, null, (role, request, response, callback) ->
                        Responses.json(response, callback, nodeSchemas.visibleTo(role))))
                .route("GET", "/api/v1/schema/packets", (request, response, callback) ->
                        Responses.json(response, callback, PacketTypeCatalog.entries()))
                .route("POST", "/api/v1/process", roles.guard(Permission.CREATE_SESSIONS, "execute oneshot pipelines",
                        new ProcessRoute(engine, config.server.maxBodySize, quotas)));
        new AuthRoutes(authentication, roles, SessionCookie.of(authenticator.cookieName(), config.server.basePath, config.server.tls),
                new MoqUrlTemplate(config.server.moqGatewayUrl), revoked -> control.closeRevoked(revoked), Clock.systemUTC()).register(api);
        new SessionRoutes(engine, roles, quotas).register(api);
        new PluginRoutes(plugins, engine.registry(), roles, config.plugins.allowHttpManagement, config.server.maxBodySize).register(api);
        // Samples under [server].samples_dir; audio assets under samples/audio relative to the working directory.
        new SampleRoutes(new SampleStore(Path.of(config.server.samplesDir)), roles).register(api);
        new AssetRoutes(new AudioAssetStore(Path.of("samples/audio"), "samples/audio"), roles).register(api);
        new CertificateRoutes(() -> webTransport).register(api);
        if (config.server.uiDir != null && !config.server.uiDir.isBlank()) api.fallback(new StaticFiles(Path.of(config.server.uiDir)));

        QueuedThreadPool threads = new QueuedThreadPool(256, 8);
        threads.setName("skit-http");
        server = new Server(threads);
        server.setStopTimeout(5_000);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Sample ids arrive with a percent-encoded slash (/api/v1/samples/oneshot/oneshot%2Fdouble_volume).
        http.setUriCompliance(org.eclipse.jetty.http.UriCompliance.DEFAULT.with("skit-sample-ids",
                org.eclipse.jetty.http.UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        slowClients = new SlowClientGuard(SlowClientLimits.of(config.server));
        ServerConnector connector = new ServerConnector(server,
                slowClients.connectionFactory(http), slowClients.h2cConnectionFactory(http));
        connector.addEventListener(slowClients.webSocketWatcher());
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        // WebSocket control API (/api/v1/control) in front of the REST routes; the auth gate (auth on) before all.
        control = new ControlEndpoint(engine, origins, roles, nodeSchemas, quotas);
        server.setHandler(new AuthGate(authentication, adminMounts, config.server.basePath, new UnknownRoleGate(roles,
                control.wrap(server, config.server.basePath,
                        new RequestBodyDeadline(slowClients, new AdminGate(adminMounts, roles, origins, api))))));
        server.start();
        LOG.info("StreamKit/J listening on http://{}:{} (HTTP/1.1, h2c)", address.getHostString(), connector.getLocalPort());
        // HTTP/3: publish the started server so transport.http3 can add a QUIC connector serving the same routes.
        Hashtable<String, Object> serverProperties = new Hashtable<>();
        serverProperties.put("streamkit.http.server", "main");
        serverRegistration = context.registerService(Server.class, server, serverProperties);
    }

    @Deactivate
    void deactivate() throws Exception {
        if (serverRegistration != null) serverRegistration.unregister(); // HTTP/3: removes its connector first
        if (control != null) control.close();
        server.stop();
        if (slowClients != null) slowClients.close();
    }

    @Reference(name = "adminHandler", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + AdminMounts.PATH_PROPERTY + "=*)", unbind = "unmountAdminHandler")
    void mountAdminHandler(Handler handler, Map<String, Object> properties) {
        adminMounts.mount(String.valueOf(properties.get(AdminMounts.PATH_PROPERTY)), handler);
    }

    void unmountAdminHandler(Handler handler, Map<String, Object> properties) {
        adminMounts.unmount(String.valueOf(properties.get(AdminMounts.PATH_PROPERTY)), handler);
    }

    private Map<String, Object> clientConfig() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (config.server.moqGatewayUrl != null) body.put("moq_gateway_url", config.server.moqGatewayUrl);
        return body;
    }
}
