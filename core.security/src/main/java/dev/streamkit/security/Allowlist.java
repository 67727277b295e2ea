package dev.streamkit.security;

import java.util.List;

/**
 * A list of glob patterns naming what a role may use: sample paths ({@code oneshot/*.yml}), node kinds
 * ({@code audio::*}), plugin kinds ({@code plugin::*}) or asset paths ({@code samples/audio/system/*}).
 * An empty list allows nothing; {@code "*"} allows everything. Immutable and thread-safe.
 */
public final class Allowlist {

    /** Allows nothing. */
    public static final Allowlist NONE = new Allowlist(List.of());
    /** Allows everything ({@code ["*"]}). */
    public static final Allowlist ALL = new Allowlist(List.of("*"));

    private final List<String> patterns;
    private final List<Glob> globs;

    private Allowlist(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.globs = this.patterns.stream().map(Glob::compile).toList();
    }

    /** An allowlist of {@code patterns} (see {@link Glob} for their syntax). */
    public static Allowlist of(List<String> patterns) {
        return patterns.isEmpty() ? NONE : new Allowlist(patterns);
    }

    /** An allowlist of {@code patterns}. */
    public static Allowlist of(String... patterns) {
        return of(List.of(patterns));
    }

    /** The patterns, as configured. */
    public List<String> patterns() {
        return patterns;
    }

    /** Whether some pattern matches all of {@code value}. */
    public boolean allows(String value) {
        for (Glob glob : globs) {
            if (glob.matches(value)) return true;
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Allowlist list && list.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return patterns.toString();
    }
}
