package dev.streamkit.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a small third-party node bundle at test time: compiles a {@code NodeFactory} against the
 * core API jar with the JDK compiler and packs it with a manifest and a Declarative Services descriptor,
 * as a plugin author's build would; {@link #componentBundle} does the same for any one-class component.
 */
public final class TestBundleBuilder {

    private TestBundleBuilder() {
    }

    /** A bundle whose DS component registers a passthrough-like factory for {@code kind}, version 1.0.0. */
    public static Path nodeBundle(Path workDir, String symbolicName, String kind) throws IOException {
        return nodeBundle(workDir, symbolicName, kind, "1.0.0");
    }

    /** As {@link #nodeBundle(Path, String, String)}, with the given {@code Bundle-Version}. */
    public static Path nodeBundle(Path workDir, String symbolicName, String kind, String version) throws IOException {
        return build(workDir, symbolicName, kind, version, null);
    }

    /** Ways {@link #brokenNodeBundle} makes a node bundle fail once deployed. */
    public enum Breakage {
        /** It also imports {@value #MISSING_PACKAGE}, which no bundle exports: it never resolves. */
        MISSING_IMPORT,
        /** Its component's activate method throws {@value #ACTIVATION_FAILURE}. */
        ACTIVATION_THROWS
    }

    /** The package a {@link Breakage#MISSING_IMPORT} bundle imports. */
    public static final String MISSING_PACKAGE = "test.nowhere.to.be.found";
    /** The message of the exception a {@link Breakage#ACTIVATION_THROWS} component throws. */
    public static final String ACTIVATION_FAILURE = "this test component refuses to activate";

    /** A node bundle for {@code kind}, version 1.0.0, broken as {@code breakage} says. */
    public static Path brokenNodeBundle(Path workDir, String symbolicName, String kind, Breakage breakage) throws IOException {
        return build(workDir, symbolicName, kind, "1.0.0", breakage);
    }

    private static Path build(Path workDir, String symbolicName, String kind, String version, Breakage breakage) throws IOException {
        String pkg = "test.plugin";
        String source = """
                package test.plugin;
                import dev.streamkit.api.node.*;
                import dev.streamkit.api.packet.PacketType;
                public final class EchoFactory implements NodeFactory {
                    public void activate() { %s }
                    private static final NodeDefinition DEFINITION = NodeDefinition.builder("%s")
                            .description("Echo node from a bundle built by the test")
                            .input(InputPin.one("in", PacketType.ANY))
                            .output(OutputPin.broadcast("out", PacketType.PASSTHROUGH))
                            .categories("test").build();
                    public NodeDefinition definition() { return DEFINITION; }
                    public Node create(Params params, NodeContext context) {
                        return new Node() {
                            public void onPacket(String pin, dev.streamkit.api.packet.Packet packet, Outputs out) {
                                out.send("out", packet);
                            }
                        };
                    }
                }
                """.formatted(breakage == Breakage.ACTIVATION_THROWS ? "throw new IllegalStateException(\"" + ACTIVATION_FAILURE + "\");" : "", kind);
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="test.plugin.EchoFactory" activate="activate">
                  <property name="streamkit.node.kind" type="String" value="%s"/>
                  <service><provide interface="dev.streamkit.api.node.NodeFactory"/></service>
                  <implementation class="test.plugin.EchoFactory"/>
                </scr:component>
                """.formatted(kind);
        String imports = "dev.streamkit.api.node;version=\"[1.0,2)\",dev.streamkit.api.packet;version=\"[1.0,2)\""
                + (breakage == Breakage.MISSING_IMPORT ? "," + MISSING_PACKAGE + ";version=\"[1.0,2)\"" : "");
        return componentBundle(workDir, symbolicName, version, imports, pkg, "EchoFactory", source, component,
                System.getProperty("skit.core.api.jar"));
    }

    /**
     * Compiles one class {@code pkg.className} from {@code source} against {@code classpath} and packs it with
     * the Declarative Services descriptor {@code componentXml} into a bundle importing {@code imports}.
     */
    public static Path componentBundle(Path workDir, String symbolicName, String version, String imports, String pkg,
                                       String className, String source, String componentXml, String classpath)
            throws IOException {
        Path src = Files.createDirectories(workDir.resolve("src").resolve(pkg.replace('.', '/')));
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        Files.writeString(src.resolve(className + ".java"), source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int result = compiler.run(null, null, errors, "--release", "17", "-d", classes.toString(),
                "-cp", classpath, src.resolve(className + ".java").toString());
        if (result != 0) throw new IllegalStateException("test bundle does not compile:\n" + errors);

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Import-Package", imports);
        main.putValue("Service-Component", "OSGI-INF/component.xml");
        Path jar = workDir.resolve(symbolicName + "-" + version + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("OSGI-INF/component.xml"));
            out.write(componentXml.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Path classFile : List.of(classes.resolve(pkg.replace('.', '/')).toFile().listFiles()).stream()
                    .map(java.io.File::toPath).toList()) {
                out.putNextEntry(new JarEntry(pkg.replace('.', '/') + "/" + classFile.getFileName()));
                out.write(Files.readAllBytes(classFile));
                out.closeEntry();
            }
        }
        return jar;
    }
}
