package dev.streamkit.nodes.core;

import java.util.Locale;

/**
 * Cuts streaming text into chunks for speech synthesis. Text is {@link #append appended} as it arrives;
 * {@link #next()} hands out each complete chunk, trimmed; {@link #flush()} hands out the remainder at end
 * of input.
 *
 * <p>Boundaries, by mode:
 * <ul>
 *   <li>{@code sentences}: after {@code . ! ?} followed by whitespace (closing quotes and brackets may come
 *       between), and right after {@code 。！？}, which CJK text does not follow with a space;</li>
 *   <li>{@code clauses}: the same, plus {@code , ; : – —} followed by whitespace and right after
 *       {@code ，；：、};</li>
 *   <li>{@code words}: after every {@code chunkWords} whitespace-separated words.</li>
 * </ul>
 * NOTE: a mark at the very end of the text waits for the next character, so {@code "3."} followed by
 * {@code "14"} stays one number; {@link #flush()} releases it at end of input.
 *
 * <p>A chunk shorter than {@code minLength} code points is not emitted but runs on to the next boundary.
 * Pending text is bounded: with no usable boundary within {@link #MAX_PENDING} chars the splitter cuts at
 * the last whitespace before that, or hard at the limit (never inside a surrogate pair). Not thread-safe.
 */
final class TextSplitter {

    /** How text is cut. */
    enum Mode {
        SENTENCES, CLAUSES, WORDS;

        /** The mode named {@code name} ({@code "sentences"}, ...), as in the node's params. */
        static Mode of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** The most text held back waiting for a boundary, in chars. */
    static final int MAX_PENDING = 4096;

    private static final String SENTENCE_MARKS = ".!?";
    private static final String SENTENCE_MARKS_UNSPACED = "。！？";
    private static final String CLAUSE_MARKS = ",;:–—";
    private static final String CLAUSE_MARKS_UNSPACED = "，；：、";
    private static final String CLOSERS = "\"')]}»”’」』）";

    private final Mode mode;
    private final int minLength;
    private final int chunkWords;
    private final StringBuilder pending = new StringBuilder();
    /** Chars of {@code pending} already searched for boundaries. */
    private int scanned;
    /** Words completed since the start of {@code pending} ({@link Mode#WORDS}). */
    private int words;
    private boolean inWord;

    TextSplitter(Mode mode, int minLength, int chunkWords) {
        if (minLength < 0 || chunkWords < 1) throw new IllegalArgumentException("minLength >= 0, chunkWords >= 1");
        this.mode = mode;
        this.minLength = minLength;
        this.chunkWords = chunkWords;
    }

    void append(CharSequence text) {
        pending.append(text);
    }

    /** The next complete chunk, or {@code null} until more text arrives. Call until {@code null}. */
    String next() {
        int limit = Math.min(pending.length(), MAX_PENDING);
        while (scanned < limit) {
            int cut = mode == Mode.WORDS ? wordBoundary() : markBoundary();
            if (cut < 0) break;
            if (cut == 0) continue;
            String chunk = pending.substring(0, cut).strip();
            if (chunk.codePointCount(0, chunk.length()) >= minLength) return take(cut, chunk);
        }
        return pending.length() >= MAX_PENDING ? forcedCut() : null;
    }

    /** All pending text, trimmed, or {@code null} if there is none; resets the splitter. */
    String flush() {
        String rest = pending.toString().strip();
        take(pending.length(), rest);
        return rest.isEmpty() ? null : rest;
    }

    /**
     * Examines the char at {@code scanned}: returns the cut position after a boundary, 0 to go on, or -1
     * when the text ends before it can tell.
     */
    private int markBoundary() {
        char c = pending.charAt(scanned);
        if (!isMark(c)) {
            scanned++;
            return 0;
        }
        int end = scanned + 1;
        boolean unspaced = isUnspacedMark(c);
        while (end < pending.length() && (isMark(pending.charAt(end)) || CLOSERS.indexOf(pending.charAt(end)) >= 0)) {
            unspaced |= isUnspacedMark(pending.charAt(end));
            end++;
        }
        if (end == pending.length() && !unspaced) return -1;
        scanned = end;
        return unspaced || Character.isWhitespace(pending.charAt(end)) ? end : 0;
    }

    private int wordBoundary() {
        char c = pending.charAt(scanned);
        scanned++;
        if (!Character.isWhitespace(c)) {
            inWord = true;
            return 0;
        }
        if (!inWord) return 0;
        inWord = false;
        words++;
        return words % chunkWords == 0 ? scanned - 1 : 0;
    }

    private boolean isMark(char c) {
        return SENTENCE_MARKS.indexOf(c) >= 0 || SENTENCE_MARKS_UNSPACED.indexOf(c) >= 0
                || mode == Mode.CLAUSES && (CLAUSE_MARKS.indexOf(c) >= 0 || CLAUSE_MARKS_UNSPACED.indexOf(c) >= 0);
    }

    private boolean isUnspacedMark(char c) {
        return SENTENCE_MARKS_UNSPACED.indexOf(c) >= 0 || mode == Mode.CLAUSES && CLAUSE_MARKS_UNSPACED.indexOf(c) >= 0;
    }

    /** Cuts a full buffer at its last whitespace within the limit, else hard at the limit. */
    private String forcedCut() {
        int cut = MAX_PENDING;
        while (cut > 0 && !Character.isWhitespace(pending.charAt(cut - 1))) cut--;
        if (pending.substring(0, cut).isBlank()) {
            cut = Character.isHighSurrogate(pending.charAt(MAX_PENDING - 1)) ? MAX_PENDING - 1 : MAX_PENDING;
        }
        String chunk = pending.substring(0, cut).strip();
        take(cut, chunk);
        return chunk.isEmpty() ? next() : chunk;
    }

    private String take(int cut, String chunk) {
        pending.delete(0, cut);
        scanned = 0;
        words = 0;
        inWord = false;
        return chunk;
    }
}
