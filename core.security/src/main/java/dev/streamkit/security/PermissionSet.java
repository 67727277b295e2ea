package dev.streamkit.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a role may do: the {@link Permission}s it holds and its four allowlists. Immutable.
 *
 * @param granted        the permissions held (copied); the others are denied
 * @param allowedSamples sample paths relative to {@code [server].samples_dir} ({@code oneshot/*.yml})
 * @param allowedNodes   node kinds usable in pipelines ({@code audio::*})
 * @param allowedPlugins plugin node kinds, checked in addition to {@code allowedNodes} for {@code plugin::*}
 * @param allowedAssets  asset paths ({@code samples/audio/system/*})
 */
public record PermissionSet(Set<Permission> granted, Allowlist allowedSamples, Allowlist allowedNodes,
                            Allowlist allowedPlugins, Allowlist allowedAssets) {

    /** Nothing at all: the permissions of an unknown role when the default role is unknown too. */
    public static final PermissionSet NONE = new PermissionSet(Set.of(), Allowlist.NONE, Allowlist.NONE,
            Allowlist.NONE, Allowlist.NONE);

    public PermissionSet {
        granted = Collections.unmodifiableSet(granted.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(granted));
    }

    /** Whether {@code permission} is held. */
    public boolean has(Permission permission) {
        return granted.contains(permission);
    }

    /** StreamKit's {@code PermissionsInfo}: every permission's key with whether it is held, in declaration order. */
    public Map<String, Boolean> flags() {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (Permission permission : Permission.values()) flags.put(permission.key(), has(permission));
        return flags;
    }
}
