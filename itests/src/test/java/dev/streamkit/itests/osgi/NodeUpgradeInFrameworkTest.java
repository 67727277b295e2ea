package dev.streamkit.itests.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.streamkit.api.node.NodeState;
import dev.streamkit.engine.Engine;
import dev.streamkit.engine.NodeReplacement;
import dev.streamkit.engine.RegisteredKind;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionListener;
import dev.streamkit.itests.TestBundleBuilder;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Inside a real Felix: a running node whose plugin bundle is updated in place (stop, update, refresh,
 * start, as FileInstall does) moves to the new revision, and afterwards nothing holds the old revision:
 * Felix has no removal-pending bundle and the old revision's class loader is garbage collected.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeUpgradeInFrameworkTest {

    private static final String KIND = "test::echo_upgraded";
    private static final String BUNDLE = "test.plugin.upgraded";
    private static final String TONE = "tone-upgrade.wav";

    @Inject
    private Engine engine;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return new Option[] {InFrameworkRuntime.options()};
    }

    @Test(timeout = 90_000)
    public void anUpgradedNodeMovesOnAndTheOldRevisionIsCollected() throws Exception {
        Path work = Path.of(context.getProperty(InFrameworkRuntime.WORK_DIR_PROPERTY));
        Path v1 = TestBundleBuilder.nodeBundle(Files.createDirectories(work.resolve("v1")), BUNDLE, KIND, "1.0.0");
        Path v2 = TestBundleBuilder.nodeBundle(Files.createDirectories(work.resolve("v2")), BUNDLE, KIND, "1.1.0");
        writeSilentWav(work.resolve(TONE), 30);
        List<NodeReplacement> replaced = new CopyOnWriteArrayList<>();
        SessionListener listener = new SessionListener() {
            @Override
            public void nodeReplaced(String sessionId, NodeReplacement replacement) {
                replaced.add(replacement);
            }
        };
        engine.sessions().addListener(listener);
        Bundle bundle = context.installBundle(v1.toUri().toString());
        Session session = null;
        try {
            bundle.start();
            WeakReference<ClassLoader> oldLoader = new WeakReference<>(Awaits.until(() -> engine.registry().lookup(KIND),
                    Optional::isPresent, KIND + " to appear").get().factory().getClass().getClassLoader());
            session = engine.sessions().create("upgrade-in-framework", engine.compile("""
                    nodes:
                      read: { kind: core::file_reader, params: { path: "%s" } }
                      demux: { kind: containers::wav::demuxer, needs: read }
                      pace: { kind: audio::pacer, needs: demux }
                      echo: { kind: %s, needs: pace }
                      sink: { kind: core::sink, needs: echo }
                    """.formatted(work.resolve(TONE), KIND)));
            Session running = session;
            Awaits.until(() -> running.nodeStats().get("sink").received(), n -> n > 10, "audio through v1");

            try (InputStream in = Files.newInputStream(v2)) {
                bundle.update(in); // Felix stops it, updates it, refreshes it (nothing is wired to it) and starts it
            }

            NodeReplacement replacement = Awaits.until(() -> replaced, list -> !list.isEmpty(), "nodereplaced").get(0);
            assertEquals("1.0.0", replacement.oldVersion());
            assertEquals("1.1.0", replacement.newVersion());
            assertEquals(NodeState.RUNNING, Awaits.until(() -> running.nodeStates().get("echo"),
                    NodeState.RUNNING::equals, "echo running again"));
            long after = running.nodeStats().get("sink").received();
            Awaits.until(() -> running.nodeStats().get("sink").received(), n -> n > after + 10, "audio through v2");

            FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
            assertTrue("removal-pending bundles: " + wiring.getRemovalPendingBundles(),
                    wiring.getRemovalPendingBundles().isEmpty());
            assertTrue("the old revision's class loader is still reachable", collected(oldLoader));
        } finally {
            engine.sessions().removeListener(listener);
            if (session != null) engine.sessions().destroy(session.info().id());
            bundle.uninstall();
        }
        Awaits.until(() -> engine.registry().lookup(KIND), Optional::isEmpty, KIND + " to disappear");
    }

    /** Runs the collector (and allocates) until {@code reference} is cleared; at most about 15 s. */
    private static boolean collected(WeakReference<?> reference) throws InterruptedException {
        for (int i = 0; i < 150 && reference.get() != null; i++) {
            byte[][] pressure = new byte[16][];
            for (int j = 0; j < pressure.length; j++) pressure[j] = new byte[1 << 20];
            System.gc();
            Thread.sleep(100);
        }
        return reference.get() == null;
    }

    /** A mono 16-bit 8 kHz WAV of silence lasting {@code seconds}. */
    private static void writeSilentWav(Path file, int seconds) throws Exception {
        int rate = 8_000;
        int dataBytes = rate * 2 * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(dataBytes);
        Files.write(file, wav.array());
    }
}
