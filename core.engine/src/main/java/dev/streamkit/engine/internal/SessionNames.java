package dev.streamkit.engine.internal;

import java.util.List;

/** StreamKit's generated session names: {@code <adjective>-<noun>-<4 hex>}, derived only from the id. */
final class SessionNames {

    private static final List<String> ADJECTIVES = List.of("brave", "calm", "eager", "gentle", "happy", "jolly",
            "kind", "lively", "mellow", "nimble", "proud", "quiet", "swift", "witty", "bold", "bright");
    private static final List<String> NOUNS = List.of("otter", "falcon", "badger", "heron", "lynx", "panda", "raven",
            "tiger", "walrus", "fox", "koala", "marmot", "owl", "puffin", "seal", "wombat");

    private SessionNames() {
    }

    /** The name for session {@code id} (a UUID string); the same id always gives the same name. */
    static String fromId(String id) {
        String hex = id.replace("-", "");
        int adjective = Integer.parseInt(hex.substring(0, 2), 16) % ADJECTIVES.size();
        int noun = Integer.parseInt(hex.substring(2, 4), 16) % NOUNS.size();
        return ADJECTIVES.get(adjective) + "-" + NOUNS.get(noun) + "-" + hex.substring(hex.length() - 4);
    }
}
