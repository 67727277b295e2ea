package dev.streamkit.plugins.osgi;

import dev.streamkit.plugins.PluginCatalog;
import dev.streamkit.plugins.PluginInfo;
import dev.streamkit.plugins.PluginRefusal;
import dev.streamkit.plugins.PluginState;
import dev.streamkit.plugins.StagedPlugin;
import dev.streamkit.plugins.internal.BundleJarCheck;
import dev.streamkit.plugins.internal.DeployFileName;
import dev.streamkit.plugins.internal.ProblemLog;
import dev.streamkit.plugins.internal.UploadStaging;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PluginCatalog} of FileInstall's folder ({@code felix.fileinstall.dir}). Uploads are staged in
 * {@code <streamkit.data.dir>/plugin-uploads}, on the same file system as {@code deploy/} by default, and
 * moved in with one atomic rename; install and removal then wait (at most {@value #SETTLE_SECONDS} s) for
 * FileInstall, which polls the folder. Every {@value #REPORT_SECONDS} s the problems of the folder are
 * logged, each once.
 */
@Component(service = PluginCatalog.class)
public final class DeployedPluginsComponent implements PluginCatalog {

    static final int SETTLE_SECONDS = 15;
    static final int REPORT_SECONDS = 2;
    /** How long a started bundle that registered no kind is watched before an install counts as done. */
    private static final long QUIET_ACTIVE_MS = 1_000;
    private static final long POLL_MS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(DeployedPluginsComponent.class);

    @Reference
    private ServiceComponentRuntime scr;

    private BundleContext context;
    private DeployedBundles deployed;
    private UploadStaging staging;
    private ScheduledExecutorService reporter;
    private final ProblemLog problems = new ProblemLog((entry, reason) ->
            LOG.warn("Plugin {} in {}: {} ({})", entry.kind(), entry.fileName(), reason, entry.state().wireName()));

    @Activate
    void activate(BundleContext context) throws IOException {
        this.context = context;
        String folder = context.getProperty("felix.fileinstall.dir");
        if (folder == null) {
            LOG.info("No felix.fileinstall.dir: no deploy folder, no plugins to list");
            return;
        }
        Path deploy = Path.of(folder).toAbsolutePath().normalize();
        deployed = new DeployedBundles(context, scr, deploy);
        String data = context.getProperty("streamkit.data.dir");
        staging = new UploadStaging(data != null ? Path.of(data, "plugin-uploads") : deploy.resolveSibling(".plugin-uploads"));
        reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "skit-plugin-problems");
            thread.setDaemon(true);
            return thread;
        });
        reporter.scheduleWithFixedDelay(this::reportProblems, REPORT_SECONDS, REPORT_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        if (reporter != null) reporter.shutdownNow();
    }

    @Override
    public List<PluginInfo> list() {
        if (deployed == null) return List.of();
        List<PluginInfo> all = new ArrayList<>();
        deployed.entries().values().forEach(all::addAll);
        return all;
    }

    @Override
    public StagedPlugin stage(String fileName, InputStream content, long maxBytes) throws PluginRefusal, IOException {
        String name = DeployFileName.of(fileName);
        requireFolder();
        Path file = staging.write(content, maxBytes);
        try {
            return new StagedUpload(file, name, BundleJarCheck.check(file));
        } catch (PluginRefusal refusal) {
            Files.deleteIfExists(file);
            throw refusal;
        }
    }

    @Override
    public synchronized List<PluginInfo> install(StagedPlugin staged) throws PluginRefusal, IOException {
        requireFolder();
        StagedUpload upload = (StagedUpload) staged;
        String target = targetName(upload);
        long movedAt = System.currentTimeMillis();
        Files.move(upload.file, deployed.folder().resolve(target), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        upload.moved();
        LOG.info("Plugin upload {} {} moved into {} as {}", upload.symbolicName(), upload.version(), deployed.folder(), target);
        return awaitInstalled(target, movedAt);
    }

    @Override
    public synchronized List<PluginInfo> remove(String kind, boolean keepFile) throws PluginRefusal, IOException {
        requireFolder();
        for (Map.Entry<String, List<PluginInfo>> file : deployed.entries().entrySet()) {
            if (file.getValue().stream().noneMatch(entry -> entry.kind().equals(kind))) continue;
            Bundle bundle = deployed.byFileName().get(file.getKey());
            if (keepFile) {
                if (bundle != null) uninstall(bundle);
            } else {
                Files.deleteIfExists(deployed.folder().resolve(file.getKey()));
                if (bundle != null) awaitUninstalled(bundle);
            }
            LOG.info("Plugin {} removed ({}{})", file.getKey(), kind, keepFile ? ", file kept" : "");
            return file.getValue();
        }
        throw new PluginRefusal(PluginRefusal.Cause.NOT_FOUND, "Plugin '" + kind + "' is not currently loaded");
    }

    /**
     * The file an upload goes to: the file of the installed bundle with its symbolic name (updated in place,
     * so that running nodes move to the new revision), else its own name when that holds no other bundle.
     */
    private String targetName(StagedUpload upload) throws PluginRefusal {
        Map<String, Bundle> installed = deployed.byFileName();
        for (Map.Entry<String, Bundle> entry : installed.entrySet()) {
            Bundle bundle = entry.getValue();
            if (!upload.symbolicName().equals(bundle.getSymbolicName())) continue;
            Version current = bundle.getVersion();
            if (upload.identity.version().compareTo(current) < 0) {
                throw new PluginRefusal(PluginRefusal.Cause.INVALID_BUNDLE, "bundle " + upload.symbolicName() + " " + current
                        + " is installed from " + entry.getKey() + "; refusing to replace it with the older " + upload.version()
                        + " (delete it first)");
            }
            return entry.getKey();
        }
        Bundle other = installed.get(upload.fileName());
        if (other != null) {
            throw new PluginRefusal(PluginRefusal.Cause.BAD_REQUEST, upload.fileName() + " in the deploy folder holds bundle "
                    + other.getSymbolicName() + "; upload " + upload.symbolicName() + " under another file name");
        }
        return upload.fileName();
    }

    /** Polls until FileInstall installed (or updated) {@code fileName} and it settled, within the bound. */
    private List<PluginInfo> awaitInstalled(String fileName, long movedAt) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        long quietSince = -1;
        List<PluginInfo> entries = List.of();
        while (System.nanoTime() < deadline) {
            entries = deployed.entries().getOrDefault(fileName, List.of());
            if (!entries.isEmpty()) {
                PluginInfo first = entries.get(0);
                boolean fresh = first.loadedAtMs() >= movedAt && first.state() != PluginState.PENDING;
                if (first.state() == PluginState.INVALID || fresh && (first.hasProblem() || first.providesKind())) return entries;
                if (fresh && first.state() == PluginState.ACTIVE) {
                    long now = System.currentTimeMillis();
                    if (quietSince < 0) quietSince = now;
                    if (now - quietSince >= QUIET_ACTIVE_MS) return entries;
                }
            }
            pause();
        }
        return entries.isEmpty()
                ? List.of(new PluginInfo(fileName, fileName, null, null, PluginState.PENDING, null, movedAt, false))
                : entries;
    }

    private void awaitUninstalled(Bundle bundle) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        while (bundle.getState() != Bundle.UNINSTALLED && System.nanoTime() < deadline) pause();
    }

    private void uninstall(Bundle bundle) throws IOException {
        try {
            bundle.uninstall();
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle));
        } catch (BundleException | IllegalStateException e) {
            throw new IOException("cannot uninstall " + bundle.getSymbolicName() + ": " + e.getMessage(), e);
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for FileInstall", e);
        }
    }

    private void reportProblems() {
        try {
            problems.report(list());
        } catch (RuntimeException e) {
            LOG.warn("Could not check the deploy folder: {}", e.toString());
        }
    }

    private void requireFolder() throws IOException {
        if (deployed == null) throw new IOException("no deploy folder is configured (felix.fileinstall.dir)");
    }
}
