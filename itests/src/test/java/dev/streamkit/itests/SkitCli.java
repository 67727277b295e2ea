package dev.streamkit.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code skit -c skit.toml <args>} (the assembled launcher, no framework) in a working directory, bounded in time. */
final class SkitCli {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /**
     * What a run printed and how it ended.
     *
     * @param exit   the exit code
     * @param stdout standard output
     * @param stderr standard error
     */
    record Result(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    private SkitCli() {
    }

    /** Runs the command with {@code args} in {@code workDir}, whose {@code skit.toml} it reads. */
    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of(System.getProperty("skit.lib")).toAbsolutePath().normalize() + "/*",
                "dev.streamkit.launcher.Skit", "-c", workDir.resolve("skit.toml").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "cli-", ".out");
        Path err = Files.createTempFile(workDir, "cli-", ".err");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("skit " + String.join(" ", args) + " still running after " + TIMEOUT);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
