package dev.streamkit.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, started with the flags that keep it off the network, loading one page and
 * returning the DOM after the page's scripts had {@code budgetMillis} of (virtual) time.
 */
final class Chromium {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    static String dumpDom(String url, Path profile, long budgetMillis) throws IOException, InterruptedException {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Debian chromium is not installed (apt-get install chromium; .ci/run does this)");
        }
        Path out = Files.createTempFile(profile.getParent(), "dom-", ".html");
        Process process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--autoplay-policy=no-user-gesture-required",
                "--virtual-time-budget=" + budgetMillis, "--dump-dom", url)
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 60 s");
        }
        return Files.readString(out);
    }
}
