package dev.streamkit.plugins.internal;

import dev.streamkit.plugins.PluginRefusal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name an uploaded plugin gets in {@code deploy/}: the last segment of the name the client sent, which
 * must be a plain {@code .jar} file name (letters, digits, {@code . _ -}, not hidden, at most
 * {@value #MAX_LENGTH} characters), so that it can neither leave the folder nor hide from FileInstall.
 */
public final class DeployFileName {

    static final int MAX_LENGTH = 128;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private DeployFileName() {
    }

    /** The safe name for {@code uploaded}. @throws PluginRefusal ({@link PluginRefusal.Cause#BAD_REQUEST}) otherwise */
    public static String of(String uploaded) throws PluginRefusal {
        if (uploaded == null || uploaded.isBlank()) throw bad("Uploaded plugin file must include a filename");
        String name = uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1).trim();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            throw bad("Only OSGi bundles (.jar) are accepted as plugins, not '" + name + "'");
        }
        if (name.length() > MAX_LENGTH || !PLAIN.matcher(name).matches()) {
            throw bad("Invalid plugin file name '" + name + "' (letters, digits, '.', '_' and '-' only)");
        }
        return name;
    }

    private static PluginRefusal bad(String message) {
        return new PluginRefusal(PluginRefusal.Cause.BAD_REQUEST, message);
    }
}
