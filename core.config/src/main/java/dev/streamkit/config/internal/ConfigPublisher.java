package dev.streamkit.config.internal;

import dev.streamkit.config.ConfigException;
import dev.streamkit.config.ConfigLoader;
import dev.streamkit.config.ServerConfig;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Loads the configuration once when the runtime starts and publishes it as a {@link ServerConfig}
 * service. The launcher passes the file through the framework property {@value #CONFIG_FILE_PROPERTY}.
 */
@Component(immediate = true, service = {})
public final class ConfigPublisher {

    /** Framework property holding the path of {@code skit.toml}; absent = defaults and environment only. */
    public static final String CONFIG_FILE_PROPERTY = "streamkit.config.file";

    private ServiceRegistration<ServerConfig> registration;

    @Activate
    void activate(BundleContext context) throws ConfigException {
        String file = context.getProperty(CONFIG_FILE_PROPERTY);
        ServerConfig config = ConfigLoader.load(file == null ? null : Path.of(file), System.getenv());
        registration = context.registerService(ServerConfig.class, config, null);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
