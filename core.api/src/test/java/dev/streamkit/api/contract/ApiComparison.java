package dev.streamkit.api.contract;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Instructions;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.version.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the build's baseline check decides for a newer bundle against its last release: bnd's verdict per
 * exported package and for the bundle version (the same {@link Baseline} the bnd-baseline-maven-plugin runs,
 * with the same ignores), plus the consumer-type rule bnd misses ({@link ConsumerTypeRule}).
 *
 * @param packages   one verdict per exported package of either bundle
 * @param bundle     the bundle version check; {@code null} problem when it passes
 */
record ApiComparison(List<PackageVerdict> packages, String bundle) {

    /** bnd's verdict on one package, and the consumer-type additions it let through, if any. */
    record PackageVerdict(String name, String delta, Version olderVersion, Version newerVersion,
                          Version suggestedVersion, boolean bndMismatch, List<String> consumerTypeAdditions) {

        /** Whether this package fails the build: bnd's mismatch, or an abstract method added to a consumer type
         * without a major version. */
        boolean fails() {
            boolean majorBumped = newerVersion.getMajor() > olderVersion.getMajor();
            return bndMismatch || (!consumerTypeAdditions.isEmpty() && !majorBumped);
        }
    }

    /** Compares {@code newer} with {@code older} as the build does. */
    static ApiComparison of(Path newer, Path older) throws Exception {
        try (Processor processor = new Processor();
             Jar newerJar = new Jar(newer.toFile());
             Jar olderJar = new Jar(older.toFile())) {
            DiffPluginImpl differ = new DiffPluginImpl();
            differ.setIgnore(new Parameters("META-INF/maven/*", processor));
            Baseline baseline = new Baseline(processor, differ);
            List<PackageVerdict> packages = new ArrayList<>();
            for (Baseline.Info info : baseline.baseline(newerJar, olderJar, new Instructions("*"))) {
                packages.add(new PackageVerdict(info.packageName, info.packageDiff.getDelta().name(),
                        info.olderVersion, info.newerVersion, info.suggestedVersion, info.mismatch,
                        ConsumerTypeRule.abstractAdditions(info.packageDiff)));
            }
            Baseline.BundleInfo bundle = baseline.getBundleInfo();
            String bundleProblem = bundle.mismatch
                    ? "bundle version " + newerJar.getVersion() + " below the suggested " + bundle.suggestedVersion
                    : null;
            return new ApiComparison(List.copyOf(packages), bundleProblem);
        }
    }

    /** Whether the build fails: any package verdict fails, or the bundle version is too low. */
    boolean failsBuild() {
        return bundle != null || packages.stream().anyMatch(PackageVerdict::fails);
    }

    /** The verdict for {@code packageName}. */
    PackageVerdict get(String packageName) {
        return packages.stream().filter(p -> p.name().equals(packageName)).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict for " + packageName + " in " + packages));
    }
}
