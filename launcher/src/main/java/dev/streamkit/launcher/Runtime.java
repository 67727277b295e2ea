package dev.streamkit.launcher;

import dev.streamkit.config.ConfigHandoff;
import dev.streamkit.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Boots Apache Felix with the resolved bundles, starts the ServiceLoader bridge and the logging provider
 * before anything that logs, watches {@code deploy/} through FileInstall, and stops the framework
 * gracefully (within {@value #STOP_TIMEOUT_SECONDS} s, exit code 0; past that it halts with 1) on
 * SIGINT/SIGTERM. Stopping the engine drains the live sessions first (see {@code EngineComponent}).
 */
final class Runtime {

    static final int STOP_TIMEOUT_SECONDS = 10;
    /** Bundles that must run before any other: SPI Fly wires ServiceLoader users such as slf4j. */
    private static final List<String> FIRST = List.of("org.apache.aries.spifly.dynamic.bundle", "slf4j.simple");
    /**
     * Bundles started after all others: the web console and what only it uses (the HTTP bridge's activator
     * logs at once), so that the server answers before they load.
     */
    private static final List<String> LAST = List.of("org.apache.felix.http.bridge", "org.apache.felix.webconsole",
            "org.apache.felix.webconsole.plugins.ds", "org.apache.felix.inventory", "dev.streamkit.console");
    /**
     * Start levels keep that order when the framework restarts the bundles a previous run left started (a
     * kept cache): {@link #FIRST} at 1, {@link #LAST} at 3, the rest at 2.
     */
    private static final int FIRST_LEVEL = 1;
    private static final int DEFAULT_LEVEL = 2;
    private static final int LAST_LEVEL = 3;

    /** Held strongly: java.util.logging forgets levels set on loggers nobody references. */
    private static final java.util.logging.Logger SPI_FLY_LOG = java.util.logging.Logger.getLogger("org.apache.aries.spifly");

    private final RuntimeLayout layout;
    /** Held while the process runs: no other server uses (or rebuilds) this data folder meanwhile. */
    private DataFolderLock dataLock;
    private final CompletableFuture<ServerConfig> config;
    private final Path configFile;

    /**
     * @param config     the configuration, possibly still loading; a failure ({@link java.util.concurrent.CompletionException})
     *                   aborts the start before any bundle runs
     * @param configFile the file the config bundle should read, or {@code null} for defaults
     */
    Runtime(RuntimeLayout layout, CompletableFuture<ServerConfig> config, Path configFile) {
        this.layout = layout;
        this.config = config;
        this.configFile = configFile;
    }

    void runUntilStopped() throws Exception {
        long startNanos = System.nanoTime();
        List<Path> jars = layout.bundleJars();
        Files.createDirectories(layout.deploy());
        Files.createDirectories(layout.data());
        dataLock = DataFolderLock.acquire(layout.data());
        // FFmpeg (codecs.ffmpeg): JavaCPP extracts its native libraries on first use into this cache,
        // read as a system property; keep it in the data folder rather than the user's home.
        setIfAbsent("org.bytedeco.javacpp.cachedir", layout.data().resolve("javacpp").toString());
        BundleCache cache = new BundleCache(layout.data());
        String stale = cache.staleReason(layout);
        if (stale != null) {
            System.err.println("skit: rebuilding the bundle cache " + cache.folder() + ": " + stale);
            cache.delete();
        }
        Initialized initialized = initialize(cache, jars);
        Framework framework = initialized.framework();
        List<Bundle> installed = initialized.bundles();
        cache.stamp(layout);
        for (Bundle bundle : installed) bundle.adapt(BundleStartLevel.class).setStartLevel(startLevel(bundle));
        ServerConfig loaded;
        try {
            loaded = config.join();
        } catch (RuntimeException e) {
            framework.stop();
            throw e;
        }
        configureLogging(loaded);
        // Bundles read framework properties falling back to system properties; this one is known only now.
        System.setProperty("streamkit.config.loaded", ConfigHandoff.encode(loaded));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(framework, stopped), "skit-shutdown");
        java.lang.Runtime.getRuntime().addShutdownHook(hook);
        // SIGTERM and SIGINT stop the framework here instead of through the JVM's own shutdown, which ends
        // the process with 128 + the signal however cleanly the sessions drained: once the framework has
        // stopped, the main thread returns and the process exits 0. The hook stays for other exits. Both are in
        // place before anything starts: the server answers /healthz while later bundles (the console) are
        // still starting, and a signal then must stop it as gracefully.
        for (String name : List.of("TERM", "INT")) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop(framework, stopped));
        }
        framework.start();
        startInOrder(installed);
        System.err.printf("skit: OSGi runtime with %d bundles started in %d ms; deploy folder %s%n",
                installed.size(), (System.nanoTime() - startNanos) / 1_000_000, layout.deploy());

        FrameworkEvent event = framework.waitForStop(0);
        stopped.countDown();
        dataLock.release();
        if (event.getType() == FrameworkEvent.ERROR) throw new IllegalStateException("framework stopped with an error", event.getThrowable());
    }

    /**
     * An initialized framework whose cache holds the runtime bundles. A reused cache that fails to load or to
     * take the runtime's bundles (left half-written by a killed run, copied mid-write) is deleted and built
     * again once; a fresh cache that fails is a real failure and is thrown.
     */
    private Initialized initialize(BundleCache cache, List<Path> jars) throws Exception {
        boolean reused = Files.isDirectory(cache.folder());
        // Until the runtime bundles are in place, the cache counts as unfinished (see BundleCache).
        cache.unstamp();
        Framework framework = newFramework();
        try {
            return initialize(framework, jars);
        } catch (Exception | LinkageError e) {
            if (!reused) throw e;
            System.err.println("skit: the bundle cache " + cache.folder() + " is unusable (" + Failures.describe(e) + "); rebuilding it");
            stopQuietly(framework);
            cache.delete();
            return initialize(newFramework(), jars);
        }
    }

    private Initialized initialize(Framework framework, List<Path> jars) throws Exception {
        framework.init();
        return new Initialized(framework, BundleSync.reconcile(framework.getBundleContext(), layout.bundles(), jars));
    }

    /** A framework after {@code init()}, with the runtime bundles installed in its cache. */
    private record Initialized(Framework framework, List<Bundle> bundles) {
    }

    private Framework newFramework() {
        return ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(frameworkProperties());
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_SECONDS * 1000L);
        } catch (BundleException | InterruptedException | RuntimeException e) {
            System.err.println("skit: could not stop the framework on the unusable cache: " + Failures.describe(e));
        }
    }

    private void startInOrder(List<Bundle> bundles) {
        List<Bundle> ordered = new ArrayList<>(bundles);
        ordered.sort(Comparator.comparingInt(Runtime::startLevel).thenComparingInt(b -> FIRST.indexOf(b.getSymbolicName())));
        for (Bundle bundle : ordered) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) continue;
            try {
                bundle.start();
            } catch (BundleException | IllegalStateException e) {
                // IllegalStateException: a signal stopped the framework while it was starting.
                System.err.println("skit: bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage());
            }
        }
    }

    private static int startLevel(Bundle bundle) {
        String name = bundle.getSymbolicName();
        if (FIRST.contains(name)) return FIRST_LEVEL;
        return LAST.contains(name) ? LAST_LEVEL : DEFAULT_LEVEL;
    }

    private static void stop(Framework framework, CountDownLatch stopped) {
        if (stopped.getCount() == 0) return;
        try {
            framework.stop();
            if (!stopped.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("skit: shutdown took longer than " + STOP_TIMEOUT_SECONDS + " s; exiting");
                java.lang.Runtime.getRuntime().halt(1);
            }
        } catch (BundleException e) {
            System.err.println("skit: stopping the framework failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, String> frameworkProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, layout.data().resolve("felix-cache").toString());
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "sun.misc");
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(LAST_LEVEL));
        // Bundles installed later (deploy/, the web console) start with the runtime's own, after FIRST.
        properties.put("felix.startlevel.bundle", Integer.toString(DEFAULT_LEVEL));
        properties.put("felix.fileinstall.dir", layout.deploy().toString());
        properties.put("felix.fileinstall.poll", "500");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.bundles.startTransient", "true");
        properties.put("felix.fileinstall.log.level", "2");
        if (configFile != null) properties.put("streamkit.config.file", configFile.toString());
        // --- HTTP/3 (transport.http3) ---
        // Data folder for generated TLS material (self-signed certificate).
        properties.put("streamkit.data.dir", layout.data().toString());
        // Jetty's quiche jars declare their ServiceLoader use/provision without OSGi headers: let SPI Fly
        // wire the JNA QuicheBinding into quiche-common (inert unless HTTP/3 is configured).
        properties.put("org.apache.aries.spifly.auto.consumers", "org.eclipse.jetty.quic.quiche.common");
        properties.put("org.apache.aries.spifly.auto.providers", "org.eclipse.jetty.quic.quiche.jna");
        // --- end HTTP/3 ---
        // Web console (bundle console): serve it only with the server's own role check as its security
        // provider, never with the console's built-in login (admin:admin).
        properties.put("felix.webconsole.security.providers", "streamkit");
        return properties;
    }

    private static void configureLogging(ServerConfig config) {
        String level = config.log.consoleLevel == null ? "info" : config.log.consoleLevel;
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        // SPI Fly reports every ServiceLoader provider it wires at INFO through java.util.logging.
        SPI_FLY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
