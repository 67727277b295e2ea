package dev.streamkit.api.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CardinalityTest {

    @Test
    void dynamicCardinalityAdmitsItsFamilyOnly() {
        Cardinality family = Cardinality.dynamic("in");
        assertEquals(true, family.admits("in"));
        assertEquals(true, family.admits("in_3"));
        assertEquals(false, family.admits("input"));
        assertEquals(false, Cardinality.ONE.admits("in"));
        assertEquals(Map.of("Dynamic", Map.of("prefix", "in")), family.toJson());
        assertEquals("One", Cardinality.ONE.toJson());
    }
}
