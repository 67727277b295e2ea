package dev.streamkit.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Today's core.api against its last release (core.api/baseline): what bnd's baseline check in {@code verify}
 * decides for each package, plus the consumer-type rule it misses, already in the unit tests.
 */
class ReleasedApiTest {

    @Test
    void everyPackageKeepsTheContractOfItsVersion(@TempDir Path work) throws Exception {
        Path released = Path.of(System.getProperty("skit.api.baseline.jar"));
        Path current = FixtureBundles.bundle(FixtureBundles.CORE_API_CLASSES, work.resolve("core.api.jar"),
                Map.of("Bundle-SymbolicName", "dev.streamkit.core.api", "-includepackage", "dev.streamkit.api.*"),
                List.of());

        List<ApiComparison.PackageVerdict> packages = ApiComparison.of(current, released).packages();
        assertEquals(List.of("dev.streamkit.api.node", "dev.streamkit.api.packet", "dev.streamkit.api.pipeline"),
                packages.stream().map(ApiComparison.PackageVerdict::name).sorted().toList());
        for (ApiComparison.PackageVerdict verdict : packages) {
            assertFalse(verdict.fails(), () -> "core.api changed incompatibly with its version: " + verdict);
        }
    }
}
