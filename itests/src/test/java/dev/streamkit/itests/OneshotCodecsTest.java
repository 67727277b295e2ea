package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped oneshot samples ({@code samples/pipelines/oneshot/}) run unchanged over real HTTP on media
 * made by the system's tools; every response is decoded by ffmpeg and measured.
 */
class OneshotCodecsTest {

    /** One Opus frame: the tolerance for durations after an Opus round trip. */
    private static final double FRAME_SECONDS = 0.020;

    @RegisterExtension
    static final RunningServer running = new RunningServer("");
    @TempDir
    static Path media;
    static Path speechWav;
    static TestAudio.Pcm speech;

    @BeforeAll
    static void makeMedia() throws Exception {
        speechWav = MediaTools.speechWav(media, 6.0);
        speech = TestAudio.decodeWav(MediaTools.decodeToWav(speechWav));
    }

    private static String sample(String name) throws Exception {
        return Files.readString(Path.of(System.getProperty("skit.samples"), "pipelines/oneshot", name));
    }

    private static Path process(String sample, Path upload, String contentType, String outputName) throws Exception {
        HttpResponse<byte[]> response = running.get().post("/api/v1/process", new Multipart()
                .text("config", sample(sample)).file("media", upload.getFileName().toString(), contentType,
                        Files.readAllBytes(upload)));
        assertEquals(200, response.statusCode(), () -> sample + ": " + new String(response.body()));
        Path output = media.resolve(outputName);
        Files.write(output, response.body());
        return output;
    }

    private static TestAudio.Pcm decoded(Path file) throws Exception {
        return TestAudio.decodeWav(MediaTools.decodeToWav(file));
    }

    @Test
    void doubleVolumeRaisesOggOpusSpeechBySixDecibels() throws Exception {
        Path ogg = MediaTools.encode(speechWav, media.resolve("speech.ogg"), "-c:a", "libopus", "-b:a", "64k");
        TestAudio.Pcm in = decoded(ogg);
        Path out = process("double_volume.yml", ogg, "audio/ogg", "double.ogg");
        assertTrue(MediaTools.probe(out).contains("codec_name=opus"), MediaTools.probe(out));
        TestAudio.Pcm result = decoded(out);
        assertEquals(in.seconds(), result.seconds(), FRAME_SECONDS, "duration");
        assertEquals(6.02, TestAudio.decibels(result.rms() / in.rms()), 0.5, "level change");
    }

    @Test
    void flacAndMp3UploadsBecomeOggOpusOfTheSameLength() throws Exception {
        Path flac = MediaTools.encode(speechWav, media.resolve("speech.flac"), "-ar", "44100", "-c:a", "flac");
        Path mp3 = MediaTools.encode(speechWav, media.resolve("speech.mp3"), "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "128k");
        for (Object[] c : new Object[][] {{"flac_to_opus.yml", flac, "audio/flac"}, {"mp3_to_opus.yml", mp3, "audio/mpeg"}}) {
            TestAudio.Pcm in = decoded((Path) c[1]);
            TestAudio.Pcm result = decoded(process((String) c[0], (Path) c[1], (String) c[2], c[0] + ".ogg"));
            // MP3 adds encoder padding at both ends; allow one MP3 frame (1152 samples) beside the Opus frame.
            assertEquals(in.seconds(), result.seconds(), FRAME_SECONDS + 1152.0 / 44100, c[0] + " duration");
            assertEquals(0.0, TestAudio.decibels(result.rms() / in.rms()), 0.5, c[0] + " level");
        }
    }

    @Test
    void wavEncodesToOggOpusAndOggRewrapsToWebm() throws Exception {
        Path ogg = process("wav_to_opus.yml", speechWav, "audio/wav", "from-wav.ogg");
        assertEquals(speech.seconds(), decoded(ogg).seconds(), FRAME_SECONDS, "wav → opus duration");
        Path webm = process("opus_to_webm.yml", ogg, "audio/ogg", "rewrapped.webm");
        String probe = MediaTools.probe(webm);
        assertTrue(probe.contains("codec_name=opus"), probe);
        TestAudio.Pcm result = decoded(webm);
        assertEquals(speech.seconds(), result.seconds(), FRAME_SECONDS, "webm duration");
        assertEquals(0.0, TestAudio.decibels(result.rms() / speech.rms()), 0.5, "webm level");
    }

    @Test
    void mixesAnUploadWithASystemFile() throws Exception {
        Path music = running.get().workDir.resolve("samples/audio/system/music_generated.ogg");
        Files.createDirectories(music.getParent());
        MediaTools.run(media, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=220:duration=4",
                "-af", "volume=0.3", "-ac", "1", "-ar", "48000", "-c:a", "libopus", "-b:a", "64k", music.toString());
        Path upload = MediaTools.encode(speechWav, media.resolve("speech-mix.ogg"), "-c:a", "libopus", "-b:a", "64k");
        HttpResponse<byte[]> response = running.get().post("/api/v1/process", new Multipart()
                .text("config", sample("mixing.yml")).file("media", "speech.ogg", "audio/ogg", Files.readAllBytes(upload)));
        assertEquals(200, response.statusCode(), () -> new String(response.body()));
        assertEquals("audio/webm; codecs=\"opus\"", response.headers().firstValue("Content-Type").orElse(""));
        Path out = media.resolve("mixed.webm");
        Files.write(out, response.body());
        TestAudio.Pcm result = decoded(out);
        // The mix lasts as long as the longer input, and carries both: louder than either alone.
        assertEquals(Math.max(speech.seconds(), 4.0), result.seconds(), FRAME_SECONDS, "mix duration");
        assertTrue(result.rms() > speech.rms(), "mix is louder than the speech alone");
    }

    @Test
    void buildCreatedTheSystemAssetsWithOurEncoder() throws Exception {
        Path system = Path.of(System.getProperty("skit.samples"), "audio/system");
        String[][] assets = {{"music_generated.ogg", "20"}, {"speech_generated.ogg", "10"}, {"speech_generated.wav", "5"}};
        for (String[] asset : assets) {
            Path copy = media.resolve("asset-" + asset[0]);
            Files.copy(system.resolve(asset[0]), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            TestAudio.Pcm pcm = decoded(copy);
            assertEquals(Double.parseDouble(asset[1]), pcm.seconds(), FRAME_SECONDS, asset[0]);
            assertTrue(pcm.rms() > 0.01, asset[0] + " is audible");
        }
        assertTrue(MediaTools.probe(media.resolve("asset-music_generated.ogg")).contains("codec_name=opus"));
        assertTrue(MediaTools.probe(media.resolve("asset-speech_generated.ogg")).contains("codec_name=opus"));
    }
}
