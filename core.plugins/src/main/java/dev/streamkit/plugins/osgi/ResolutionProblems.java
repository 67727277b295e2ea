package dev.streamkit.plugins.osgi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Why an installed bundle does not resolve, found without touching it (no start, no resolve attempt): its
 * mandatory requirements that no resolved bundle's capability (nor its own) satisfies, e.g. an
 * {@code Import-Package} nobody exports. The resolver's own message would name the same requirement.
 */
final class ResolutionProblems {

    private static final Pattern PACKAGE = Pattern.compile("\\(osgi\\.wiring\\.package=([^)]*)\\)");

    private ResolutionProblems() {
    }

    /** The reason {@code bundle} (INSTALLED) cannot resolve now, or {@code null} when none is found. */
    static String of(Bundle bundle, BundleContext context) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) return null;
        Map<String, List<BundleCapability>> offered = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            if (!mandatoryAtResolve(requirement)) continue;
            String filter = requirement.getDirectives().get("filter");
            List<BundleCapability> candidates = offered.computeIfAbsent(requirement.getNamespace(), ns -> capabilities(ns, context));
            boolean selfSatisfied = satisfied(filter, new ArrayList<>(revision.getDeclaredCapabilities(requirement.getNamespace())));
            if (!selfSatisfied && !satisfied(filter, candidates)) missing.add(describe(requirement.getNamespace(), filter));
        }
        return missing.isEmpty() ? null : "does not resolve: " + String.join("; ", missing);
    }

    private static boolean mandatoryAtResolve(BundleRequirement requirement) {
        Map<String, String> directives = requirement.getDirectives();
        String resolution = directives.get("resolution");
        String effective = directives.get("effective");
        return !"optional".equals(resolution) && !"dynamic".equals(resolution)
                && (effective == null || "resolve".equals(effective));
    }

    private static List<BundleCapability> capabilities(String namespace, BundleContext context) {
        List<BundleCapability> result = new ArrayList<>();
        for (Bundle other : context.getBundles()) {
            BundleWiring wiring = other.adapt(BundleWiring.class);
            if (wiring != null) result.addAll(wiring.getCapabilities(namespace));
        }
        return result;
    }

    private static boolean satisfied(String filterText, List<BundleCapability> candidates) {
        if (filterText == null) return !candidates.isEmpty();
        Filter filter;
        try {
            filter = FrameworkUtil.createFilter(filterText);
        } catch (InvalidSyntaxException e) {
            return false;
        }
        for (BundleCapability capability : candidates) {
            if (filter.matches(capability.getAttributes())) return true;
        }
        return false;
    }

    private static String describe(String namespace, String filter) {
        if ("osgi.wiring.package".equals(namespace) && filter != null) {
            Matcher name = PACKAGE.matcher(filter);
            if (name.find()) return "missing import '" + name.group(1) + "' (" + namespace + "; " + filter + ")";
        }
        return "missing requirement " + namespace + (filter == null ? "" : "; " + filter);
    }
}
