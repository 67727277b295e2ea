package dev.streamkit.api.contract;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/** A fresh OSGi framework (Felix) in a temporary folder, to see whether bundles resolve against each other. */
final class EmbeddedFramework implements AutoCloseable {

    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final Framework framework;

    EmbeddedFramework(Path storage) throws BundleException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the test class path"));
        framework = factory.newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
    }

    /**
     * Installs {@code provider} then {@code consumer} and resolves them: empty when {@code consumer} resolves,
     * else the framework's reason (which requirement is missing).
     */
    Optional<String> resolve(Path provider, Path consumer) throws BundleException {
        install(provider);
        Bundle bundle = install(consumer);
        if (framework.adapt(FrameworkWiring.class).resolveBundles(List.of(bundle))) return Optional.empty();
        try {
            bundle.start();
            throw new IllegalStateException(bundle + " did not resolve, yet it started");
        } catch (BundleException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    private Bundle install(Path jar) throws BundleException {
        return framework.getBundleContext().installBundle(jar.toUri().toString());
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(STOP_TIMEOUT_MILLIS);
    }
}
