package dev.streamkit.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.plugins.PluginRefusal;
import org.junit.jupiter.api.Test;

class DeployFileNameTest {

    @Test
    void keepsThePlainLastSegment() throws Exception {
        assertEquals("gain-1.0.jar", DeployFileName.of("gain-1.0.jar"));
        assertEquals("gain.jar", DeployFileName.of("C:\\Users\\me\\gain.jar"));
        assertEquals("gain.jar", DeployFileName.of("../../gain.jar"));
    }

    @Test
    void refusesWhatIsNotAPlainJarName() {
        for (String name : new String[] {"gain.so", "plugin.wasm", ".hidden.jar", "sp ace.jar", "", "dir/", "x".repeat(200) + ".jar"}) {
            PluginRefusal refusal = assertThrows(PluginRefusal.class, () -> DeployFileName.of(name), name);
            assertEquals(PluginRefusal.Cause.BAD_REQUEST, refusal.refusal());
        }
    }
}
