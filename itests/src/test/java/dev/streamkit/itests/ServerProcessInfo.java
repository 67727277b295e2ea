package dev.streamkit.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the operating-system view of a {@link SkitServer}'s process (Linux {@code /proc}) without touching
 * the server class: the process is found among this JVM's children by the {@code skit.toml} path in its
 * command line, which is unique to the server's working directory.
 */
final class ServerProcessInfo {

    private ServerProcessInfo() {
    }

    /** The pid of the {@code skit serve} process started for {@code server}. */
    static long pid(SkitServer server) {
        String toml = server.workDir.resolve("skit.toml").toString();
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(args -> java.util.Arrays.asList(args).contains(toml)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no child process runs " + toml)).pid();
    }

    /** Resident set size in KiB ({@code VmRSS} of {@code /proc/<pid>/status}). */
    static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
