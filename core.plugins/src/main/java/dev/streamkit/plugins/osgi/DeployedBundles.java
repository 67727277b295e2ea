package dev.streamkit.plugins.osgi;

import dev.streamkit.plugins.PluginInfo;
import dev.streamkit.plugins.PluginRefusal;
import dev.streamkit.plugins.PluginState;
import dev.streamkit.plugins.internal.BundleIdentity;
import dev.streamkit.plugins.internal.BundleJarCheck;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * A look at {@code deploy/} and the bundles FileInstall installed from it (location {@code file:} URI of a
 * file directly in the folder), turned into {@link PluginInfo} entries with their problems: a jar that is not
 * an installable bundle, a bundle that does not resolve, components that failed, kinds also provided
 * elsewhere. Reads only; nothing is started, resolved or activated.
 */
final class DeployedBundles {

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Path folder;

    DeployedBundles(BundleContext context, ServiceComponentRuntime scr, Path folder) {
        this.context = context;
        this.scr = scr;
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** The bundles installed from the folder, by file name. */
    Map<String, Bundle> byFileName() {
        Map<String, Bundle> bundles = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            Path file = fileOf(bundle.getLocation());
            if (file != null && folder.equals(file.getParent()) && bundle.getState() != Bundle.UNINSTALLED) {
                bundles.put(file.getFileName().toString(), bundle);
            }
        }
        return bundles;
    }

    /** Every {@code .jar} of the folder with its entries, by file name. */
    Map<String, List<PluginInfo>> entries() {
        Map<String, Bundle> installed = byFileName();
        KindProviders kinds = new KindProviders(context);
        Map<String, List<PluginInfo>> entries = new TreeMap<>();
        for (Path file : jars()) {
            String name = file.getFileName().toString();
            Bundle bundle = installed.get(name);
            entries.put(name, bundle == null ? List.of(notInstalled(file, installed)) : entriesOf(name, bundle, kinds));
        }
        return entries;
    }

    private List<PluginInfo> entriesOf(String fileName, Bundle bundle, KindProviders kinds) {
        PluginState state = stateOf(bundle);
        List<String> problems = new ArrayList<>();
        if (state == PluginState.INSTALLED) {
            String resolution = ResolutionProblems.of(bundle, context);
            if (resolution != null) problems.add(resolution);
        } else if (state == PluginState.RESOLVED) {
            problems.add("resolved but not started (see the server log for the start failure)");
        } else if (state == PluginState.ACTIVE) {
            problems.addAll(ComponentProblems.of(bundle, scr));
        }
        String bundleReason = problems.isEmpty() ? null : String.join("; ", problems);
        String symbolicName = bundle.getSymbolicName();
        String version = bundle.getVersion().toString();
        List<String> provided = kinds.kindsOf(bundle);
        if (provided.isEmpty()) {
            return List.of(new PluginInfo(fileName, fileName, symbolicName, version, state, bundleReason,
                    bundle.getLastModified(), false));
        }
        List<PluginInfo> result = new ArrayList<>();
        for (String kind : provided) {
            String conflict = kinds.conflict(kind, bundle);
            String reason = bundleReason == null ? conflict : conflict == null ? bundleReason : bundleReason + "; " + conflict;
            result.add(new PluginInfo(kind, fileName, symbolicName, version, state, reason, bundle.getLastModified(), true));
        }
        return result;
    }

    private PluginInfo notInstalled(Path file, Map<String, Bundle> installed) {
        String name = file.getFileName().toString();
        long modified = lastModified(file);
        String problem;
        try {
            problem = duplicateOf(BundleJarCheck.check(file), installed);
        } catch (PluginRefusal e) {
            problem = e.getMessage();
        }
        if (problem != null) return new PluginInfo(name, name, null, null, PluginState.INVALID, problem, modified, false);
        return new PluginInfo(name, name, null, null, PluginState.PENDING, null, modified, false);
    }

    /** When the framework holds a bundle with the same symbolic name and version elsewhere, which. */
    private String duplicateOf(BundleIdentity identity, Map<String, Bundle> installed) {
        for (Bundle bundle : context.getBundles()) {
            if (identity.symbolicName().equals(bundle.getSymbolicName()) && identity.version().equals(bundle.getVersion())
                    && !installed.containsValue(bundle)) {
                return "bundle " + identity.symbolicName() + " " + identity.version() + " is already installed from "
                        + bundle.getLocation();
            }
        }
        return null;
    }

    private List<Path> jars() {
        List<Path> jars = new ArrayList<>();
        if (!Files.isDirectory(folder)) return jars;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{jar,JAR}")) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().startsWith(".")) jars.add(file);
            }
        } catch (IOException e) {
            return jars;
        }
        return jars;
    }

    static PluginState stateOf(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> PluginState.ACTIVE;
            case Bundle.RESOLVED -> PluginState.RESOLVED;
            case Bundle.STARTING, Bundle.STOPPING -> PluginState.CHANGING;
            default -> PluginState.INSTALLED;
        };
    }

    /** The file a {@code file:} location names, normalized, or {@code null}. */
    static Path fileOf(String location) {
        if (location == null || !location.startsWith("file:")) return null;
        try {
            return Path.of(URI.create(location).normalize()).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
