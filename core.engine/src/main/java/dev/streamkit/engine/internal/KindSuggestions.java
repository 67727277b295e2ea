package dev.streamkit.engine.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Suggests known kind names for a mistyped one, by edit distance. */
final class KindSuggestions {

    private KindSuggestions() {
    }

    static List<String> closest(String wanted, Collection<String> known, int limit) {
        String target = wanted.toLowerCase(Locale.ROOT);
        int tolerance = Math.max(2, target.length() / 3);
        return known.stream()
                .map(name -> new Object[] {name, distance(target, name.toLowerCase(Locale.ROOT))})
                .filter(pair -> (int) pair[1] <= tolerance || ((String) pair[0]).endsWith("::" + wanted))
                .sorted(Comparator.comparingInt((Object[] pair) -> (int) pair[1]).thenComparing(pair -> (String) pair[0]))
                .limit(limit)
                .map(pair -> (String) pair[0])
                .toList();
    }

    /** Levenshtein distance with two rolling rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
