package dev.streamkit.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension giving a test class one {@link SkitServer} for all its tests, started in a fresh
 * working directory with the given {@code skit.toml} additions and stopped afterwards.
 *
 * <pre>{@code @RegisterExtension static final RunningServer server = new RunningServer("max_body_size = 1024\n");}</pre>
 */
final class RunningServer implements BeforeAllCallback, AfterAllCallback {

    private final String extraToml;
    private final List<String> jvmOptions;
    private SkitServer server;

    RunningServer(String extraToml) {
        this(extraToml, List.of());
    }

    /** A server whose JVM also gets {@code jvmOptions} (e.g. {@code -Xmx384m}). */
    RunningServer(String extraToml, List<String> jvmOptions) {
        this.extraToml = extraToml;
        this.jvmOptions = List.copyOf(jvmOptions);
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
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) server.close();
    }
}
