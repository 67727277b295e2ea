package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.engine.NodeRegistry;
import dev.streamkit.engine.RegisteredKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's {@link NodeRegistry}: factories come and go at runtime (bundles are installed, updated,
 * removed); when several factories offer one kind, the one registered last wins and the earlier one
 * returns when it leaves. Thread-safe; lookups do not lock.
 */
public final class KindRegistry implements NodeRegistry {

    private final Map<String, Deque<RegisteredKind>> kinds = new ConcurrentHashMap<>();

    /** Adds a factory; it becomes the provider of its kind. */
    public void register(RegisteredKind entry) {
        kinds.compute(entry.kind(), (kind, providers) -> {
            Deque<RegisteredKind> next = providers == null ? new ArrayDeque<>() : new ArrayDeque<>(providers);
            next.addLast(entry);
            return next;
        });
    }

    /**
     * Removes a factory; its kind disappears unless another factory still provides it.
     *
     * @return the entry removed, or {@code null} when the factory was not registered
     */
    public RegisteredKind unregister(NodeFactory factory) {
        String kind = factory.definition().kind();
        RegisteredKind[] removed = new RegisteredKind[1];
        kinds.computeIfPresent(kind, (k, providers) -> {
            Deque<RegisteredKind> next = new ArrayDeque<>(providers);
            for (RegisteredKind entry : providers) {
                if (entry.factory() == factory) removed[0] = entry;
            }
            next.removeIf(entry -> entry.factory() == factory);
            return next.isEmpty() ? null : next;
        });
        return removed[0];
    }

    @Override
    public Optional<RegisteredKind> lookup(String kind) {
        Deque<RegisteredKind> providers = kinds.get(kind);
        return providers == null ? Optional.empty() : Optional.ofNullable(providers.peekLast());
    }

    @Override
    public List<RegisteredKind> all() {
        List<RegisteredKind> result = new ArrayList<>();
        for (Deque<RegisteredKind> providers : kinds.values()) {
            RegisteredKind current = providers.peekLast();
            if (current != null) result.add(current);
        }
        result.sort(Comparator.comparing(RegisteredKind::kind));
        return result;
    }

    @Override
    public List<String> closeMatches(String kind) {
        return KindSuggestions.closest(kind, kinds.keySet(), 3);
    }
}
