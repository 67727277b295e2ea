package dev.streamkit.launcher;

import dev.streamkit.config.ConfigException;
import dev.streamkit.config.ConfigLoader;
import dev.streamkit.security.auth.StartupRules;
import dev.streamkit.config.ServerConfig;
import dev.streamkit.launcher.auth.AuthCli;
import dev.streamkit.launcher.auth.AuthCommandLine;
import dev.streamkit.security.RedactingOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@code skit} command, as StreamKit's: {@code skit [-c FILE] [serve]} (the default),
 * {@code skit config default} and {@code skit [-c FILE] auth ...} ({@link AuthCli}, without starting the
 * framework). Exit codes: 0 success, 1 runtime failure, 2 usage or configuration error ({@code auth}: 3 when
 * the server refused the token).
 */
public final class Skit {

    private Skit() {
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = run(args);
        } catch (Throwable unexpected) {
            System.err.println("skit: unexpected failure: " + Failures.describe(unexpected));
            unexpected.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    static int run(String[] args) {
        Path configFile = Path.of("skit.toml");
        boolean explicitConfig = false;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("-c") || args[i].equals("--config")) && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
                explicitConfig = true;
            } else if (args[i].equals("-h") || args[i].equals("--help")) {
                System.out.println(usage());
                return 0;
            } else {
                words.add(args[i]);
            }
        }
        if (words.isEmpty() || words.equals(List.of("serve"))) {
            return serve(configFile, explicitConfig);
        }
        if (words.get(0).equals("auth")) {
            return auth(words.subList(1, words.size()), configFile, explicitConfig);
        }
        if (words.equals(List.of("config", "default"))) {
            System.out.print(ConfigLoader.defaultsAsToml());
            return 0;
        }
        System.err.println("skit: unknown command '" + String.join(" ", words) + "'\n" + usage());
        return 2;
    }

    /**
     * The start-up rules of access control ({@link StartupRules}): with auth off, a non-loopback
     * {@code server.address} without a role header (or {@code allow_insecure_no_auth}) stops the command before
     * anything listens; with auth on, so does a {@code *} in {@code [server.cors].allowed_origins}.
     */
    static ServerConfig refuseUnsafeExposure(ServerConfig config) throws ConfigException {
        String refusal;
        try {
            refusal = StartupRules.refusal(config);
        } catch (IllegalArgumentException invalidMode) {
            refusal = invalidMode.getMessage();
        }
        if (refusal != null) throw new ConfigException(refusal, null);
        return config;
    }

    /** {@code skit auth ...}: the configuration (file and SK_* overrides) names the state dir and the server. */
    private static int auth(List<String> words, Path configFile, boolean explicitConfig) {
        if (explicitConfig && !Files.isRegularFile(configFile)) {
            System.err.println("skit: config file " + configFile + " not found");
            return 2;
        }
        try {
            return AuthCli.run(words, ConfigLoader.load(Files.isRegularFile(configFile) ? configFile : null, System.getenv()));
        } catch (ConfigException e) {
            System.err.println("skit: " + Failures.describe(e));
            return 2;
        }
    }

    /**
     * Everything the server prints (its log, Jetty's, stack traces) passes through {@link RedactingOutputStream}:
     * no token or {@code Authorization} value reaches a log.
     */
    private static void redactStandardStreams() {
        System.setOut(new PrintStream(new RedactingOutputStream(System.out), true));
        System.setErr(new PrintStream(new RedactingOutputStream(System.err), true));
    }

    private static int serve(Path configFile, boolean explicitConfig) {
        redactStandardStreams();
        if (!Files.isRegularFile(configFile)) {
            if (explicitConfig) {
                System.err.println("skit: config file " + configFile + " not found");
                return 2;
            }
            System.err.println("skit: no " + configFile + " here; using embedded defaults and SK_* environment overrides");
        }
        Path file = Files.isRegularFile(configFile) ? configFile.toAbsolutePath() : null;
        // Parsing the configuration loads Jackson; do it while the framework installs its bundles.
        CompletableFuture<ServerConfig> config = CompletableFuture.supplyAsync(() -> {
            try {
                return refuseUnsafeExposure(ConfigLoader.load(file, System.getenv()));
            } catch (ConfigException e) {
                throw new CompletionException(e);
            }
        });
        try {
            new Runtime(RuntimeLayout.fromSystemProperties(), config, file).runUntilStopped();
            return 0;
        } catch (CompletionException e) {
            System.err.println("skit: " + Failures.describe(e.getCause()));
            return 2;
        } catch (Exception e) {
            System.err.println("skit: " + Failures.describe(e));
            return 1;
        }
    }

    private static String usage() {
        return "usage: skit [-c FILE] [serve]\n       skit config default\n       " + AuthCommandLine.USAGE;
    }
}
