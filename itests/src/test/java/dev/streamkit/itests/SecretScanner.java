package dev.streamkit.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds secrets in log files: JWT-shaped strings (three base64url parts, the first starting {@code eyJ}), a
 * private JWK member ({@code "d":}) and PEM private key text. Reports {@code file:line: what} without the
 * secret itself.
 */
final class SecretScanner {

    private static final Map<String, Pattern> SECRETS = Map.of(
            "a JWT", Pattern.compile("eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*"),
            "a private JWK member (\"d\":)", Pattern.compile("\"d\"\\s*:"),
            "PEM private key text", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));

    private SecretScanner() {
    }

    /** Every finding in {@code file}, as {@code file:line: what (column c)}. */
    static List<String> scan(Path file) throws IOException {
        List<String> findings = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            for (int number = 1; (line = reader.readLine()) != null; number++) {
                for (Map.Entry<String, Pattern> secret : SECRETS.entrySet()) {
                    var matcher = secret.getValue().matcher(line);
                    if (matcher.find()) findings.add(file + ":" + number + ": " + secret.getKey() + " (column " + (matcher.start() + 1) + ")");
                }
            }
        }
        return findings;
    }
}
