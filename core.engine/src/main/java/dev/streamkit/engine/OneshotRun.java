package dev.streamkit.engine;

import java.util.concurrent.CompletableFuture;

/**
 * One prepared oneshot pipeline: every node exists and is wired, nothing runs until {@link #start()}.
 * The run ends when every node finished, when one fails, when its deadline passes, or on
 * {@link #cancel}; afterwards every node is closed once no engine thread touches it any more.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OneshotRun {

    /**
     * The content type announced by the node feeding {@code nodeId} (StreamKit's rule for
     * {@code http_output}), or {@code null} when that node does not know one.
     */
    String upstreamContentType(String nodeId);

    /** Starts the sources. Call once. */
    void start();

    /**
     * Completes normally when every node finished; exceptionally with a {@link PipelineException}
     * (status and message ready for the client) otherwise.
     */
    CompletableFuture<Void> completion();

    /** Ends the run now (client gone, server stopping). Idempotent; a no-op after the run ended. */
    void cancel(String reason);
}
