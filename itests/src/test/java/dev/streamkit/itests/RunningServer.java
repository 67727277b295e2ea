package dev.streamkit.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension giving a test class one {@link SkitServer} for all its tests, started in a fresh
 * working directory with the given {@code skit.toml} additions and stopped afterwards.
 *
 * <pre>{@code @RegisterExtension static final RunningServer server = new RunningServer("max_body_size = 1024\n");}</pre>
 */
final class RunningServer implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final String extraToml;
    private final List<String> jvmOptions;
    private final boolean destroySessionsAfterEach;
    private SkitServer server;

    RunningServer(String extraToml) {
        this(extraToml, List.of());
    }

    /** A server whose JVM also gets {@code jvmOptions} (e.g. {@code -Xmx384m}). */
    RunningServer(String extraToml, List<String> jvmOptions) {
        this(extraToml, jvmOptions, false);
    }

    private RunningServer(String extraToml, List<String> jvmOptions, boolean destroySessionsAfterEach) {
        this.extraToml = extraToml;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.destroySessionsAfterEach = destroySessionsAfterEach;
    }

    /** This server, also destroying every session after each test, so that a failed test leaves none running. */
    RunningServer destroyingSessionsAfterEach() {
        return new RunningServer(extraToml, jvmOptions, true);
    }

    /** The running server; valid inside tests. */
    SkitServer get() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path workDir = Files.createTempDirectory("skit-itest-");
        server = SkitServer.start(workDir, extraToml, jvmOptions);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (destroySessionsAfterEach && server != null) server.destroyAllSessions();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) server.close();
    }
}
