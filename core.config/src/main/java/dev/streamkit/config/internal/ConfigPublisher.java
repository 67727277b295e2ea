package dev.streamkit.config.internal;

import dev.streamkit.config.ConfigException;
import dev.streamkit.config.ConfigHandoff;
import dev.streamkit.config.ConfigLoader;
import dev.streamkit.config.ServerConfig;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Publishes the configuration as a {@link ServerConfig} service when the runtime starts: the one the
 * launcher loaded ({@value #CONFIG_HANDOFF_PROPERTY}), or else the file named by
 * {@value #CONFIG_FILE_PROPERTY} plus the environment (runtimes started without the launcher).
 */
@Component(immediate = true, service = {})
public final class ConfigPublisher {

    /** Framework property holding the path of {@code skit.toml}; absent = defaults and environment only. */
    public static final String CONFIG_FILE_PROPERTY = "streamkit.config.file";
    /** Framework property holding the configuration the launcher already loaded ({@link ConfigHandoff}). */
    public static final String CONFIG_HANDOFF_PROPERTY = "streamkit.config.loaded";

    private ServiceRegistration<ServerConfig> registration;

    @Activate
    void activate(BundleContext context) throws ConfigException {
        String loaded = context.getProperty(CONFIG_HANDOFF_PROPERTY);
        String file = context.getProperty(CONFIG_FILE_PROPERTY);
        ServerConfig config = loaded != null ? ConfigHandoff.decode(loaded)
                : ConfigLoader.load(file == null ? null : Path.of(file), System.getenv());
        registration = context.registerService(ServerConfig.class, config, null);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
