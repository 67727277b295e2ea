package dev.streamkit.plugins.internal;

import dev.streamkit.plugins.PluginRefusal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.osgi.framework.Version;

/**
 * Decides whether a file is a bundle the runtime can install, before the framework sees it: a zip archive
 * whose entries all stay inside their folder (no absolute names, no {@code ..} segments, no drive letters or
 * backslashes: a tool unpacking it must not write elsewhere) and whose manifest declares an OSGi R4+ bundle
 * ({@code Bundle-ManifestVersion: 2}, a {@code Bundle-SymbolicName}, a valid {@code Bundle-Version}).
 */
public final class BundleJarCheck {

    private BundleJarCheck() {
    }

    /**
     * The bundle's identity.
     *
     * @throws PluginRefusal ({@link PluginRefusal.Cause#INVALID_BUNDLE}) naming the first problem found
     */
    public static BundleIdentity check(Path jar) throws PluginRefusal {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (escapesItsFolder(name)) throw invalid("entry '" + name + "' would escape its folder");
            }
            ZipEntry manifestEntry = zip.getEntry(JarFile.MANIFEST_NAME);
            if (manifestEntry == null) throw invalid("not an OSGi bundle: no " + JarFile.MANIFEST_NAME);
            Manifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = new Manifest(in);
            }
            return identityOf(manifest.getMainAttributes());
        } catch (ZipException e) {
            throw invalid("not a jar (zip) archive: " + e.getMessage());
        } catch (IOException e) {
            throw invalid("cannot be read as a jar: " + e.getMessage());
        }
    }

    /** What {@link #check} refuses about {@code jar}, or {@code null} when it is an installable bundle. */
    public static String problem(Path jar) {
        try {
            check(jar);
            return null;
        } catch (PluginRefusal refusal) {
            return refusal.getMessage();
        }
    }

    /** Whether a zip entry name would land outside the folder it is unpacked into. */
    static boolean escapesItsFolder(String name) {
        if (name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) return true;
        if (name.length() >= 2 && name.charAt(1) == ':') return true;
        for (String segment : name.split("/")) {
            if (segment.equals("..")) return true;
        }
        return false;
    }

    private static BundleIdentity identityOf(Attributes main) throws PluginRefusal {
        if (!"2".equals(trimmed(main.getValue("Bundle-ManifestVersion")))) {
            throw invalid("not an OSGi bundle: the manifest has no Bundle-ManifestVersion: 2");
        }
        String symbolicName = trimmed(main.getValue("Bundle-SymbolicName"));
        if (symbolicName == null) throw invalid("not an OSGi bundle: the manifest has no Bundle-SymbolicName");
        int directives = symbolicName.indexOf(';');
        if (directives >= 0) symbolicName = symbolicName.substring(0, directives).trim();
        if (symbolicName.isEmpty()) throw invalid("not an OSGi bundle: the Bundle-SymbolicName is empty");
        String version = trimmed(main.getValue("Bundle-Version"));
        try {
            return new BundleIdentity(symbolicName, version == null ? Version.emptyVersion : Version.parseVersion(version));
        } catch (IllegalArgumentException e) {
            throw invalid("invalid Bundle-Version '" + version + "': " + e.getMessage());
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static PluginRefusal invalid(String message) {
        return new PluginRefusal(PluginRefusal.Cause.INVALID_BUNDLE, message);
    }
}
