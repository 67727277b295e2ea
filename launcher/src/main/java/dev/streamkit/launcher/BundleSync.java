package dev.streamkit.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Brings the framework's persistent bundle cache in line with the runtime's bundle folder: installs new
 * jars, updates those rebuilt since they were cached, and uninstalls cached runtime bundles whose jar is
 * gone. Reusing the cache spares copying and re-reading every bundle at each start. Bundles installed
 * from elsewhere (the {@code deploy/} folder) are left to FileInstall.
 */
final class BundleSync {

    private BundleSync() {
    }

    /** The runtime bundles, in the order of {@code jars}. */
    static List<Bundle> reconcile(BundleContext context, Path folder, List<Path> jars) throws BundleException, IOException {
        Map<String, Bundle> cached = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != 0) cached.put(bundle.getLocation(), bundle);
        }
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            String location = jar.toUri().toString();
            Bundle bundle = cached.remove(location);
            if (bundle == null) {
                bundle = context.installBundle(location);
            } else if (Files.getLastModifiedTime(jar).toMillis() > bundle.getLastModified()) {
                bundle.update();
            }
            bundles.add(bundle);
        }
        String runtimePrefix = folder.toUri().toString();
        for (Bundle stale : cached.values()) {
            if (stale.getLocation().startsWith(runtimePrefix)) stale.uninstall();
        }
        return bundles;
    }
}
