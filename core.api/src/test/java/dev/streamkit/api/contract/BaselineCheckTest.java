package dev.streamkit.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline check on a fixture API (not the real one): an incompatible change without a major version fails
 * the build, the same change with one passes, and the type roles decide what "incompatible" means. The
 * fixture has a consumer type {@code Handler} (plugins implement it) with default methods, like
 * {@code Node}, and a provider type {@code Host} (the platform implements it), like {@code Outputs}.
 */
class BaselineCheckTest {

    private static final String PACKAGE = "fx.api";

    @TempDir
    Path work;

    @Test
    void anUnchangedApiPasses() throws Exception {
        assertFalse(ApiComparison.of(api("1.0.0", "", ""), api("1.0.0", "", "")).failsBuild());
    }

    @Test
    void removingAMethodWithoutAMajorVersionFailsTheBuild() throws Exception {
        ApiComparison comparison = ApiComparison.of(api("1.1.0", "", ""), api("1.0.0", "", "void close();"));

        assertTrue(comparison.failsBuild());
        ApiComparison.PackageVerdict verdict = comparison.get(PACKAGE);
        assertTrue(verdict.fails(), verdict.toString());
        assertEquals("MAJOR", verdict.delta());
        assertEquals(2, verdict.suggestedVersion().getMajor());
    }

    @Test
    void removingAMethodWithAMajorVersionPasses() throws Exception {
        assertFalse(ApiComparison.of(api("2.0.0", "", ""), api("1.0.0", "", "void close();")).failsBuild());
    }

    @Test
    void addingAMethodToAProviderTypeNeedsAMinorVersion() throws Exception {
        Path released = api("1.0.0", "", "");

        ApiComparison sameVersion = ApiComparison.of(api("1.0.0", "", "void close();"), released);
        assertTrue(sameVersion.get(PACKAGE).fails(), sameVersion.toString());
        assertEquals("1.1.0", sameVersion.get(PACKAGE).suggestedVersion().toString());
        assertFalse(ApiComparison.of(api("1.1.0", "", "void close();"), released).failsBuild());
    }

    @Test
    void addingAnAbstractMethodToAConsumerTypeNeedsAMajorVersion() throws Exception {
        Path released = api("1.0.0", "", "");

        ApiComparison minor = ApiComparison.of(api("1.1.0", "void reset();", ""), released);
        assertTrue(minor.failsBuild(), minor.toString());
        assertEquals(List.of("fx.api.Handler.reset()"), minor.get(PACKAGE).consumerTypeAdditions());
        assertFalse(ApiComparison.of(api("2.0.0", "void reset();", ""), released).failsBuild());
    }

    @Test
    void addingADefaultMethodToAConsumerTypeNeedsAMinorVersion() throws Exception {
        Path released = api("1.0.0", "", "");

        assertTrue(ApiComparison.of(api("1.0.0", "default void reset() {}", ""), released).failsBuild());
        assertFalse(ApiComparison.of(api("1.1.0", "default void reset() {}", ""), released).failsBuild());
    }

    /** The fixture API bundle at {@code version}, its two interfaces extended by the given members. */
    private Path api(String version, String handlerMembers, String hostMembers) throws Exception {
        Path classes = FixtureBundles.compile(work, Map.of(
                "fx/api/package-info.java", """
                        @org.osgi.annotation.bundle.Export
                        @org.osgi.annotation.versioning.Version("%s")
                        package fx.api;
                        """.formatted(version),
                "fx/api/Handler.java", """
                        package fx.api;
                        @org.osgi.annotation.versioning.ConsumerType
                        public interface Handler {
                            default void onStart(Host host) {}
                            default void onEnd(Host host) {}
                            void handle(String event, Host host);
                            %s
                        }
                        """.formatted(handlerMembers),
                "fx/api/Host.java", """
                        package fx.api;
                        @org.osgi.annotation.versioning.ProviderType
                        public interface Host {
                            void send(String event);
                            %s
                        }
                        """.formatted(hostMembers)), List.of());
        return FixtureBundles.bundle(classes, work.resolve("fx.api-" + version + "-" + classes.getFileName() + ".jar"),
                Map.of("Bundle-SymbolicName", PACKAGE, "Bundle-Version", version, "-includepackage", PACKAGE),
                List.of());
    }
}
