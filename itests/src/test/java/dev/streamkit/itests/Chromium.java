package dev.streamkit.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, started with the flags that keep it off the network: loading one page and
 * returning the DOM after the page's scripts had {@code budgetMillis} of (virtual) time, or left running on a page.
 */
final class Chromium {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    static String dumpDom(String url, Path profile, long budgetMillis) throws IOException, InterruptedException {
        Path out = Files.createTempFile(profile.getParent(), "dom-", ".html");
        Process process = new ProcessBuilder(command(profile, "--virtual-time-budget=" + budgetMillis, "--dump-dom", url))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 60 s");
        }
        return Files.readString(out);
    }

    /**
     * Opens {@code url} in real time (no virtual time: a WebTransport handshake is real network I/O) and leaves
     * Chromium running; the caller waits for what the page reports and destroys the process. QUIC stays on.
     */
    static Process open(String url, Path profile) throws IOException {
        return new ProcessBuilder(command(profile, url))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static java.util.List<String> command(Path profile, String... last) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Debian chromium is not installed (apt-get install chromium; .ci/run does this)");
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(EXECUTABLE.toString(), "--headless",
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--autoplay-policy=no-user-gesture-required"));
        command.addAll(java.util.List.of(last));
        return command;
    }
}
