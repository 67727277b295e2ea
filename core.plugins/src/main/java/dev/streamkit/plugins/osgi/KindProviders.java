package dev.streamkit.plugins.osgi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The registered node factories by kind (the {@value #KIND_PROPERTY} service property), read from the
 * service registry without getting any service, so that no component is activated by looking.
 */
final class KindProviders {

    static final String FACTORY_CLASS = "dev.streamkit.api.node.NodeFactory";
    static final String KIND_PROPERTY = "streamkit.node.kind";

    private final Map<String, List<ServiceReference<?>>> byKind = new HashMap<>();

    KindProviders(BundleContext context) {
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(FACTORY_CLASS, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (references == null) return;
        for (ServiceReference<?> reference : references) {
            if (reference.getProperty(KIND_PROPERTY) instanceof String kind) {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(reference);
            }
        }
    }

    /** The kinds {@code bundle} registers, sorted. */
    List<String> kindsOf(Bundle bundle) {
        List<String> kinds = new ArrayList<>();
        byKind.forEach((kind, references) -> {
            if (references.stream().anyMatch(reference -> bundle.equals(reference.getBundle()))) kinds.add(kind);
        });
        kinds.sort(Comparator.naturalOrder());
        return kinds;
    }

    /**
     * When another bundle also provides {@code kind}: which, and which of them the engine uses (the one
     * registered last); otherwise {@code null}.
     */
    String conflict(String kind, Bundle bundle) {
        List<ServiceReference<?>> references = byKind.getOrDefault(kind, List.of());
        List<String> others = new ArrayList<>();
        for (ServiceReference<?> reference : references) {
            Bundle other = reference.getBundle();
            if (other != null && !other.equals(bundle)) others.add(describe(other));
        }
        if (others.isEmpty()) return null;
        ServiceReference<?> used = references.stream()
                .max(Comparator.comparingLong(reference -> (Long) reference.getProperty(Constants.SERVICE_ID))).orElseThrow();
        Bundle usedBundle = used.getBundle();
        String usedText = bundle.equals(usedBundle) ? "this bundle's" : usedBundle == null ? "another" : describe(usedBundle) + "'s";
        return "kind '" + kind + "' is also provided by " + String.join(", ", others) + "; " + usedText
                + " (registered last) is used";
    }

    private static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }
}
