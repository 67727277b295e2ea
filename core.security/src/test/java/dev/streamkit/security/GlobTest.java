package dev.streamkit.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starMatchesAnyRunIncludingSlashes() {
        assertTrue(Glob.compile("*").matches(""));
        assertTrue(Glob.compile("*").matches("samples/audio/user/a.ogg"));
        assertTrue(Glob.compile("audio::*").matches("audio::gain"));
        assertFalse(Glob.compile("audio::*").matches("core::audio::gain"));
        assertTrue(Glob.compile("oneshot/*.yml").matches("oneshot/double_volume.yml"));
        assertFalse(Glob.compile("oneshot/*.yml").matches("oneshot/double_volume.yaml"));
        assertTrue(Glob.compile("samples/**").matches("samples/a/b/c"));
    }

    @Test
    void questionMarkAndClasses() {
        assertTrue(Glob.compile("a?c").matches("abc"));
        assertFalse(Glob.compile("a?c").matches("ac"));
        assertTrue(Glob.compile("v[0-9]").matches("v7"));
        assertFalse(Glob.compile("v[!0-9]").matches("v7"));
        assertTrue(Glob.compile("v[!0-9]").matches("vx"));
        assertTrue(Glob.compile("[]]").matches("]"));
        assertTrue(Glob.compile("[ad]x").matches("dx"), "letters in a class are literal, not regex escapes");
    }

    @Test
    void regexCharactersAreLiteral() {
        assertTrue(Glob.compile("core::file_reader").matches("core::file_reader"));
        assertFalse(Glob.compile("a.b").matches("axb"));
        assertTrue(Glob.compile("(x)+").matches("(x)+"));
        assertTrue(Glob.compile("[.]").matches("."));
    }

    @Test
    void malformedPatternMatchesNothing() {
        assertFalse(Glob.compile("audio::[gain").matches("audio::[gain"));
        assertFalse(Glob.compile("[").matches("["));
    }
}
