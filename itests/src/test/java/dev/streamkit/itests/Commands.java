package dev.streamkit.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external commands (media tools, Maven) from tests, bounded in time, output kept for failures. */
final class Commands {

    private Commands() {
    }

    /**
     * Runs {@code command} in {@code workDir}; returns its output (stdout and stderr), or fails with it when
     * the command exits non-zero or is still running after {@code timeout} (then it is killed).
     */
    static String run(Path workDir, Duration timeout, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "tool-", ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " timed out after " + timeout
                    + ":\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
        }
        return output;
    }
}
