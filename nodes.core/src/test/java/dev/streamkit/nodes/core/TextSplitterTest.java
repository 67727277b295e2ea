package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.nodes.core.TextSplitter.Mode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    @Test
    void splitsSentencesAtTerminalPunctuationFollowedBySpace() {
        assertEquals(List.of("Hello there, friend.", "How are you today?", "I am fine!", "Pi is 3.14 exactly."),
                split(Mode.SENTENCES, 0, "Hello there, friend. How are you today?\nI am fine!  Pi is 3.14 exactly."));
    }

    @Test
    void splitsCjkSentencesWithoutSpaces() {
        assertEquals(List.of("你好。", "今天天气很好！", "是吗？"),
                split(Mode.SENTENCES, 0, "你好。今天天气很好！是吗？"));
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        assertEquals(List.of("He said \"stop.\"", "Then (he left.)", "Done."),
                split(Mode.SENTENCES, 0, "He said \"stop.\" Then (he left.) Done."));
    }

    @Test
    void splitsClausesAtPauses() {
        assertEquals(List.of("First,", "then;", "finally:", "a pause —", "and 1,000 more."),
                split(Mode.CLAUSES, 0, "First, then; finally: a pause — and 1,000 more."));
    }

    @Test
    void sentenceModeIgnoresClauseMarks() {
        assertEquals(List.of("One, two; three: four."), split(Mode.SENTENCES, 0, "One, two; three: four."));
    }

    @Test
    void splitsEveryChunkWordsWords() {
        assertEquals(List.of("one two three", "four five six", "seven"),
                split(Mode.WORDS, 0, "one two three four five six seven"));
    }

    @Test
    void mergesChunksShorterThanMinLength() {
        assertEquals(List.of("Hi. Yes. Long enough now.", "Ok."),
                split(Mode.SENTENCES, 10, "Hi. Yes. Long enough now. Ok."));
        assertEquals(List.of("Well, you know, it is late."), split(Mode.CLAUSES, 16, "Well, you know, it is late."));
        assertEquals(List.of("a b c d e f", "g"), split(Mode.WORDS, 6, "a b c d e f g"));
    }

    @Test
    void countsMinLengthInCodePoints() {
        assertEquals(List.of("😀😀😀.", "Yes."), split(Mode.SENTENCES, 4, "😀😀😀. Yes."));
        assertEquals(List.of("😀😀😀. Yes."), split(Mode.SENTENCES, 5, "😀😀😀. Yes."));
    }

    @Test
    void waitsForTheCharacterAfterAMark() {
        var splitter = new TextSplitter(Mode.SENTENCES, 0, 5);
        splitter.append("It costs 3.");
        assertNull(splitter.next());
        splitter.append("50 dollars. And");
        assertEquals("It costs 3.50 dollars.", splitter.next());
        assertNull(splitter.next());
        assertEquals("And", splitter.flush());
        assertNull(splitter.flush());
    }

    @Test
    void findsBoundariesAcrossAppends() {
        var splitter = new TextSplitter(Mode.WORDS, 0, 2);
        List<String> chunks = new ArrayList<>();
        for (String token : List.of("al", "pha be", "ta", " gam", "ma del", "ta ")) {
            splitter.append(token);
            for (String c = splitter.next(); c != null; c = splitter.next()) chunks.add(c);
        }
        assertEquals(List.of("alpha beta", "gamma delta"), chunks);
        assertNull(splitter.flush());
    }

    @Test
    void flushesShortRemainder() {
        var splitter = new TextSplitter(Mode.CLAUSES, 100, 5);
        splitter.append("  tiny  ");
        assertNull(splitter.next());
        assertEquals("tiny", splitter.flush());
    }

    @Test
    void boundsPendingTextAtLastWhitespace() {
        String word = "abcdefghi ";
        String text = word.repeat(1000);
        List<String> chunks = split(Mode.SENTENCES, 0, text);
        chunks.forEach(c -> assertTrue(c.length() <= TextSplitter.MAX_PENDING, "chunk of " + c.length()));
        chunks.forEach(c -> assertTrue(c.endsWith("abcdefghi"), "cut inside a word"));
        assertEquals(text.strip(), String.join(" ", chunks));
    }

    @Test
    void hardCutsTextWithoutWhitespaceOutsideSurrogatePairs() {
        String text = "x" + "😀".repeat(5000);
        List<String> chunks = split(Mode.CLAUSES, 0, text);
        assertTrue(chunks.size() > 1);
        chunks.forEach(c -> {
            assertTrue(c.length() <= TextSplitter.MAX_PENDING);
            assertTrue(!Character.isHighSurrogate(c.charAt(c.length() - 1)), "split a surrogate pair");
        });
        assertEquals(text, String.join("", chunks));
    }

    @Test
    void dropsWhitespaceOnlyText() {
        assertEquals(List.of(), split(Mode.WORDS, 0, " \n\t ".repeat(3000)));
    }

    /** Feeds {@code text} one char at a time, as a token stream would, then flushes. */
    private static List<String> split(Mode mode, int minLength, String text) {
        var splitter = new TextSplitter(mode, minLength, 3);
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            splitter.append(text.substring(i, i + 1));
            for (String c = splitter.next(); c != null; c = splitter.next()) chunks.add(c);
        }
        String rest = splitter.flush();
        if (rest != null) chunks.add(rest);
        assertEquals(chunks, splitAtOnce(mode, minLength, text), "feeding at once must split the same");
        return chunks;
    }

    private static List<String> splitAtOnce(Mode mode, int minLength, String text) {
        var splitter = new TextSplitter(mode, minLength, 3);
        splitter.append(text);
        List<String> chunks = new ArrayList<>();
        for (String c = splitter.next(); c != null; c = splitter.next()) chunks.add(c);
        String rest = splitter.flush();
        if (rest != null) chunks.add(rest);
        return chunks;
    }
}
