package dev.streamkit.security.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MoqPathsTest {

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        assertTrue(MoqPaths.covers("/moq", "/moq/session1"));
        assertTrue(MoqPaths.covers("/moq/", "/moq"));
        assertFalse(MoqPaths.covers("/moq", "/moq2"));
        assertTrue(MoqPaths.covers("audio", "audio/left"));
        assertFalse(MoqPaths.covers("audio", "audiovisual"));
        assertTrue(MoqPaths.covers("", "anything/at/all"));
    }

    @Test
    void anEmptyListAllowsNothingAndTheEmptyPrefixEverything() {
        MoqClaims claims = new MoqClaims("j", "/moq", List.of(""), List.of(), 0);
        assertTrue(claims.maySubscribe("any/broadcast"));
        assertFalse(claims.mayPublish("any/broadcast"));
    }

    @Test
    void aDeeperConnectionReducesPermissionsAsMoqRelayDoes() {
        MoqClaims claims = new MoqClaims("j", "/moq", List.of("", "x/y"), List.of("a/b/c/input", "other"), 0);
        MoqClaims scoped = claims.scopedTo("/moq/a/b").orElseThrow();
        assertEquals(List.of("c/input"), scoped.publish());
        assertEquals(List.of(""), scoped.subscribe());
        assertTrue(scoped.mayPublish("c/input/track"));
        assertFalse(scoped.mayPublish("other"));
    }

    @Test
    void aConnectionOutsideTheRootGetsNothing() {
        MoqClaims claims = new MoqClaims("j", "/moq/session1", List.of(""), List.of(""), 0);
        assertTrue(claims.scopedTo("/moq/session2").isEmpty());
        assertTrue(claims.scopedTo("/moq/session10").isEmpty());
        assertTrue(claims.scopedTo("/moq/session1/sub").isPresent());
    }
}
