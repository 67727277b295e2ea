package dev.streamkit.moq.hang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HangCatalogTest {

    @Test
    void writesStreamKitsAudioCatalogWithAnExplicitLegacyContainer() throws Exception {
        byte[] json = HangCatalog.write(Catalog.audio("audio/data", AudioRendition.opus(48000, 1, 64000), 80));
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode rendition = root.path("audio").path("renditions").path("audio/data");
        assertEquals("opus", rendition.path("codec").textValue());
        assertEquals(48000, rendition.path("sampleRate").intValue());
        assertEquals(1, rendition.path("numberOfChannels").intValue());
        assertEquals(64000, rendition.path("bitrate").intValue());
        assertEquals("legacy", rendition.path("container").path("kind").textValue());
        assertEquals(80, root.path("audio").path("priority").intValue());
        assertEquals(Catalog.audio("audio/data", AudioRendition.opus(48000, 1, 64000), 80), HangCatalog.parse(json));
    }

    @Test
    void readsTheOldTrackConfigShapeAndDefaultsTheContainer() throws Exception {
        String old = "{\"audio\":{\"track\":{\"name\":\"audio/data\",\"priority\":2},"
                + "\"config\":{\"codec\":\"opus\",\"sampleRate\":44100,\"numberOfChannels\":2}},"
                + "\"video\":[{\"track\":{\"name\":\"video/hd\"},\"config\":{\"codec\":\"avc1.64001f\","
                + "\"codedWidth\":1280,\"codedHeight\":720,\"container\":{\"kind\":\"cmaf\",\"init\":\"AA==\"}}}]}";
        Catalog catalog = HangCatalog.parse(old.getBytes(StandardCharsets.UTF_8));
        AudioRendition audio = catalog.audio().get("audio/data");
        assertEquals(44100, audio.sampleRate());
        assertEquals(2, audio.numberOfChannels());
        assertTrue(audio.isLegacyContainer());
        assertEquals("cmaf", catalog.video().get("video/hd").container());
        assertEquals(1280, catalog.video().get("video/hd").codedWidth());
    }

    @Test
    void readsWhatPublishSendsAndIgnoresUnknownSections() throws Exception {
        String published = "{\"audio\":{\"renditions\":{\"audio/data\":{\"codec\":\"opus\",\"container\":"
                + "{\"kind\":\"legacy\"},\"sampleRate\":48000,\"numberOfChannels\":2,\"bitrate\":64000,"
                + "\"jitter\":20}}},\"scte35\":{\"x\":1}}";
        AudioRendition audio = HangCatalog.parse(published.getBytes(StandardCharsets.UTF_8)).audio().get("audio/data");
        assertEquals(20L, audio.jitter());
        assertEquals(64000L, audio.bitrate());
    }

    @Test
    void refusesWhatIsNotACatalog() {
        for (String bad : new String[] {"not json", "[1]", "{\"audio\":{\"renditions\":[]}}",
                "{\"audio\":{\"renditions\":{\"a\":{\"codec\":\"opus\",\"sampleRate\":\"x\",\"numberOfChannels\":1}}}}",
                "{\"audio\":{\"track\":{}}}"}) {
            assertThrows(CatalogException.class, () -> HangCatalog.parse(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
        assertThrows(CatalogException.class, () -> HangCatalog.parse(new byte[HangCatalog.MAX_BYTES + 1]));
    }
}
