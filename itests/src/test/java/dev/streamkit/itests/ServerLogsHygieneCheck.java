package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's acceptance "after the whole test run, the server's logs hold no token and no key material": reads
 * the output of every server the integration tests ran ({@link SkitServer#logFile}, under
 * {@code target/server-logs}). Run by its own Surefire execution after all other tests (see itests/pom.xml);
 * its name keeps it out of the main one. Skipped, visibly, when no server ran.
 */
class ServerLogsHygieneCheck {

    @Test
    void noServerLogHoldsATokenOrKeyMaterial() throws Exception {
        Path logs = Path.of(System.getProperty("skit.server.logs", "target/server-logs"));
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(logs)) {
            try (Stream<Path> listed = Files.list(logs)) {
                listed.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        assumeTrue(!files.isEmpty(), "no server logs under " + logs + ": no server ran");
        List<String> findings = new ArrayList<>();
        for (Path file : files) findings.addAll(SecretScanner.scan(file));
        System.out.println("ServerLogsHygieneCheck: " + files.size() + " server logs read, " + findings.size() + " findings");
        assertTrue(findings.isEmpty(), "secrets in server logs:\n" + String.join("\n", findings));
    }
}
