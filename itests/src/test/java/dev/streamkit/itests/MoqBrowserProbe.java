package dev.streamkit.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The MoQ browser probe ({@code src/test/moq-browser}): the official {@code @moq/lite} / {@code @moq/hang} clients
 * from npm, bundled into a page that publishes a sine tone as Opus (WebCodecs) to broadcast {@code input} and
 * watches broadcast {@code output}, run in Debian's headless Chromium through {@code playwright-core}. The page
 * is served by the server under test ({@code [server].ui_dir} = {@link #pageDirectory()}), so it shares the
 * server's origin for {@code /certificate.sha256} and WebTransport.
 */
final class MoqBrowserProbe {

    private static final Path SOURCE = Path.of("src/test/moq-browser");
    private static final Path WORK = Path.of("target/moq-browser");
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static boolean built;

    private MoqBrowserProbe() {
    }

    /** Installs the npm packages (once per run) and bundles the page; returns the directory to serve. */
    static synchronized Path pageDirectory() throws IOException, InterruptedException {
        if (!built) {
            copyTree(SOURCE, WORK);
            if (!Files.isDirectory(WORK.resolve("node_modules/@moq/lite"))) {
                run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), NPM_TIMEOUT);
            }
            run(List.of("node", "node_modules/esbuild/bin/esbuild", "src/page.js", "--bundle", "--format=esm",
                    "--outfile=dist/page.js", "--log-level=warning"), Duration.ofMinutes(1));
            Files.copy(WORK.resolve("index.html"), WORK.resolve("dist/index.html"), StandardCopyOption.REPLACE_EXISTING);
            built = true;
        }
        return WORK.resolve("dist").toAbsolutePath();
    }

    /** Opens {@code pageUrl} in headless Chromium and returns the page's result once it says it is done. */
    static JsonNode run(String pageUrl, Duration timeout) throws IOException, InterruptedException {
        String out = run(List.of("node", "run.mjs", pageUrl, Long.toString(timeout.toSeconds())), timeout.plusSeconds(30));
        String last = out.lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the probe printed no result:\n" + out));
        return new ObjectMapper().readTree(last);
    }

    private static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile(WORK.toAbsolutePath().getParent(), "moq-browser-", ".log");
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
