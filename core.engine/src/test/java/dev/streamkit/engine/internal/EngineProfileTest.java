package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.config.ServerConfig;
import org.junit.jupiter.api.Test;

class EngineProfileTest {

    private static ServerConfig.Engine engine(String profile, Integer input, Integer distributor) {
        ServerConfig.Engine engine = new ServerConfig.Engine();
        engine.profile = profile;
        engine.nodeInputCapacity = input;
        engine.pinDistributorCapacity = distributor;
        return engine;
    }

    @Test
    void profilesSetBothCapacitiesAndExplicitValuesWin() {
        assertEquals(128, EngineProfile.nodeInputCapacity(engine(null, null, null)));
        assertEquals(64, EngineProfile.pinDistributorCapacity(engine(null, null, null)));
        assertEquals(8, EngineProfile.nodeInputCapacity(engine("low-latency", null, null)));
        assertEquals(4, EngineProfile.pinDistributorCapacity(engine("low-latency", null, null)));
        assertEquals(32, EngineProfile.nodeInputCapacity(engine("balanced", null, null)));
        assertEquals(64, EngineProfile.pinDistributorCapacity(engine("high_throughput", null, null)));
        assertEquals(20, EngineProfile.nodeInputCapacity(engine("low-latency", 20, null)));
        assertEquals(9, EngineProfile.pinDistributorCapacity(engine("balanced", null, 9)));
    }

    @Test
    void unknownProfilesAndNonPositiveCapacitiesAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineProfile.nodeInputCapacity(engine("turbo", null, null)));
        assertTrue(e.getMessage().contains("engine.profile: unknown profile 'turbo'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EngineProfile.nodeInputCapacity(engine(null, 0, null)));
        assertTrue(e.getMessage().startsWith("engine.node_input_capacity must be at least 1"), e.getMessage());
    }
}
