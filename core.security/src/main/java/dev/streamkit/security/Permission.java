package dev.streamkit.security;

/**
 * StreamKit's fifteen role permissions, in the order of its {@code PermissionsInfo}. Each has the
 * snake_case {@link #key()} used in {@code skit.toml} and on the wire.
 */
public enum Permission {
    /** Create dynamic sessions; also gates oneshot processing ({@code POST /api/v1/process}). */
    CREATE_SESSIONS,
    /** Destroy sessions (own ones, or all with {@link #ACCESS_ALL_SESSIONS}). */
    DESTROY_SESSIONS,
    /** List sessions and read their pipelines. */
    LIST_SESSIONS,
    /** Add, remove and connect nodes of running sessions. */
    MODIFY_SESSIONS,
    /** Tune parameters of running nodes. */
    TUNE_NODES,
    /** Upload and load plugins. */
    LOAD_PLUGINS,
    /** Delete plugins. */
    DELETE_PLUGINS,
    /** List the available node kinds. */
    LIST_NODES,
    /** List sample pipelines. */
    LIST_SAMPLES,
    /** Read a sample pipeline's YAML. */
    READ_SAMPLES,
    /** Save user sample pipelines. */
    WRITE_SAMPLES,
    /** Delete user sample pipelines. */
    DELETE_SAMPLES,
    /** See and act on every role's sessions (admin); also gates profiling. */
    ACCESS_ALL_SESSIONS,
    /** Upload audio assets. */
    UPLOAD_ASSETS,
    /** Delete user audio assets. */
    DELETE_ASSETS;

    /** The snake_case name: {@code create_sessions}, {@code access_all_sessions}... */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
