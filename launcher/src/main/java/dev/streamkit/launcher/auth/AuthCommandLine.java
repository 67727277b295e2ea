package dev.streamkit.launcher.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words after {@code skit auth}, parsed: the action and its options (streamkit-next §1.6).
 *
 * @param action    {@code print-admin-token}, {@code rotate-key}, {@code mint api} or {@code mint moq}
 * @param options   single-valued options without their leading dashes ({@code role}, {@code ttl-secs}...)
 * @param subscribe {@code --subscribe} values in order ({@code ""} allows every path)
 * @param publish   {@code --publish} values in order
 * @param json      whether {@code --json} was given
 */
public record AuthCommandLine(String action, Map<String, String> options, List<String> subscribe, List<String> publish,
                              boolean json) {

    static final String PRINT_ADMIN_TOKEN = "print-admin-token";
    static final String ROTATE_KEY = "rotate-key";
    static final String MINT_API = "mint api";
    static final String MINT_MOQ = "mint moq";

    /** How to call it, as {@code skit --help} and every usage error print it. */
    public static final String USAGE = """
            skit [-c FILE] auth print-admin-token
                   skit [-c FILE] auth rotate-key [--token T | --token-file F] [--server URL]
                   skit [-c FILE] auth mint api --role R [--label L] [--ttl-secs N] [--json] [TOKEN OPTIONS]
                   skit [-c FILE] auth mint moq --root P [--subscribe X]... [--publish Y]... [--label L] [--ttl-secs N] [--json] [TOKEN OPTIONS]
                     TOKEN OPTIONS: --token T | --token-file F (default: [auth].state_dir/admin.token), --server URL""";

    private static final Set<String> SERVER_OPTIONS = Set.of("token", "token-file", "server");
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            PRINT_ADMIN_TOKEN, Set.of(),
            ROTATE_KEY, SERVER_OPTIONS,
            MINT_API, union(SERVER_OPTIONS, Set.of("role", "label", "ttl-secs")),
            MINT_MOQ, union(SERVER_OPTIONS, Set.of("root", "label", "ttl-secs")));
    private static final Map<String, Set<String>> REQUIRED = Map.of(MINT_API, Set.of("role"), MINT_MOQ, Set.of("root"));

    /** Thrown for words that do not make a valid command; its message says what is wrong. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Parses {@code words} (what follows {@code auth}). */
    public static AuthCommandLine parse(List<String> words) throws UsageException {
        if (words.isEmpty()) throw new UsageException("missing auth command");
        int next = 1;
        String action = words.get(0);
        if (action.equals("mint")) {
            if (words.size() < 2 || words.get(1).startsWith("-")) throw new UsageException("mint what? 'mint api' or 'mint moq'");
            action = "mint " + words.get(1);
            next = 2;
        }
        Set<String> allowed = OPTIONS.get(action);
        if (allowed == null) throw new UsageException("unknown auth command '" + action + "'");
        Map<String, String> options = new LinkedHashMap<>();
        List<String> subscribe = new ArrayList<>();
        List<String> publish = new ArrayList<>();
        boolean json = false;
        for (int i = next; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) throw new UsageException("unexpected argument '" + word + "'");
            String name = word.substring(2);
            if (name.equals("json") && action.startsWith("mint ")) {
                json = true;
                continue;
            }
            boolean list = action.equals(MINT_MOQ) && (name.equals("subscribe") || name.equals("publish"));
            if (!list && !allowed.contains(name)) throw new UsageException("'" + action + "' takes no option " + word);
            if (i + 1 >= words.size()) throw new UsageException(word + " needs a value");
            String value = words.get(++i);
            if (list) {
                (name.equals("subscribe") ? subscribe : publish).add(value);
            } else if (options.putIfAbsent(name, value) != null) {
                throw new UsageException(word + " given twice");
            }
        }
        for (String required : REQUIRED.getOrDefault(action, Set.of())) {
            if (!options.containsKey(required)) throw new UsageException("'" + action + "' needs --" + required);
        }
        if (options.containsKey("token") && options.containsKey("token-file")) {
            throw new UsageException("give --token or --token-file, not both");
        }
        AuthCommandLine line = new AuthCommandLine(action, Map.copyOf(options), List.copyOf(subscribe), List.copyOf(publish), json);
        line.ttlSecs();
        return line;
    }

    /** {@code --ttl-secs} as a number, or {@code null} for the server's default. */
    Long ttlSecs() throws UsageException {
        String text = options.get("ttl-secs");
        if (text == null) return null;
        try {
            long ttl = Long.parseLong(text);
            if (ttl > 0) return ttl;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException("--ttl-secs must be a positive whole number of seconds, not '" + text + "'");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
