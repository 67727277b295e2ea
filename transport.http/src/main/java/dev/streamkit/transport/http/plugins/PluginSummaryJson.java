package dev.streamkit.transport.http.plugins;

import dev.streamkit.engine.NodeRegistry;
import dev.streamkit.engine.RegisteredKind;
import dev.streamkit.plugins.PluginInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * StreamKit's {@code PluginSummary} for a deployed bundle: {@code kind}, {@code original_kind} (the same:
 * bundle kinds are registered as they are named), {@code file_name}, {@code categories} (from the kind's
 * definition while this bundle provides it), {@code loaded_at_ms}, {@code plugin_type: "bundle"}, plus the
 * bundle's {@code bundle} (symbolic name), {@code version}, {@code state} and {@code reason} (null when fine).
 */
final class PluginSummaryJson {

    private PluginSummaryJson() {
    }

    static Map<String, Object> of(PluginInfo plugin, NodeRegistry registry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", plugin.kind());
        json.put("original_kind", plugin.kind());
        json.put("file_name", plugin.fileName());
        json.put("categories", categories(plugin, registry));
        json.put("loaded_at_ms", plugin.loadedAtMs());
        json.put("plugin_type", "bundle");
        json.put("bundle", plugin.bundle());
        json.put("version", plugin.version());
        json.put("state", plugin.state().wireName());
        json.put("reason", plugin.reason());
        return json;
    }

    private static List<String> categories(PluginInfo plugin, NodeRegistry registry) {
        if (!plugin.providesKind()) return List.of();
        return registry.lookup(plugin.kind())
                .filter(provider -> provider.bundle().equals(plugin.bundle()) && provider.bundleVersion().equals(plugin.version()))
                .map(RegisteredKind::factory)
                .map(factory -> factory.definition().categories())
                .orElse(List.of());
    }
}
