package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of broken files, made by the test from valid ones (truncated, CRC-corrupt, absurd headers,
 * random bytes), replayed through the codec samples: every request ends in under a second with a
 * defined result — 200 with whatever audio survived (decodable), or a 4xx naming the problem — and the
 * server stays healthy.
 */
class HostileMediaTest {

    private static final long LIMIT_MS = 1000;

    @RegisterExtension
    static final RunningServer running = new RunningServer("");
    @TempDir
    static Path media;
    static byte[] ogg;
    static byte[] flac;
    static byte[] mp3;
    static byte[] wav;

    @BeforeAll
    static void makeMedia() throws Exception {
        Path speech = MediaTools.speechWav(media, 3.0);
        wav = Files.readAllBytes(speech);
        ogg = Files.readAllBytes(MediaTools.encode(speech, media.resolve("s.ogg"), "-c:a", "libopus", "-b:a", "64k"));
        flac = Files.readAllBytes(MediaTools.encode(speech, media.resolve("s.flac"), "-c:a", "flac"));
        mp3 = Files.readAllBytes(MediaTools.encode(speech, media.resolve("s.mp3"), "-c:a", "libmp3lame", "-b:a", "96k"));
    }

    /** One broken input and the sample it is fed to. */
    private record Case(String name, String sample, byte[] data) {
    }

    private static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        Random random = new Random(20261127);
        byte[] noise = new byte[100_000];
        random.nextBytes(noise);
        for (String sample : List.of("double_volume.yml", "flac_to_opus.yml", "mp3_to_opus.yml", "wav_to_opus.yml")) {
            cases.add(new Case("random bytes", sample, noise));
        }
        int secondPage = indexOf(ogg, "OggS".getBytes(StandardCharsets.US_ASCII), 200);
        cases.add(new Case("ogg truncated at a page boundary", "double_volume.yml", Arrays.copyOf(ogg, secondPage)));
        cases.add(new Case("ogg truncated inside a page", "double_volume.yml", Arrays.copyOf(ogg, ogg.length * 2 / 3 + 7)));
        byte[] crc = ogg.clone();
        for (int i = ogg.length / 3; i < ogg.length / 3 + 40; i++) crc[i] ^= 0x5a;
        cases.add(new Case("ogg with CRC-corrupt pages", "double_volume.yml", crc));
        byte[] zeroChannels = ogg.clone();
        zeroChannels[indexOf(ogg, "OpusHead".getBytes(StandardCharsets.US_ASCII), 0) + 9] = 0;
        cases.add(new Case("OpusHead with 0 channels", "double_volume.yml", zeroChannels));
        byte[] badVersion = ogg.clone();
        badVersion[indexOf(ogg, "OpusHead".getBytes(StandardCharsets.US_ASCII), 0) + 8] = 7;
        cases.add(new Case("OpusHead version 7", "double_volume.yml", badVersion));
        cases.add(new Case("flac truncated", "flac_to_opus.yml", Arrays.copyOf(flac, flac.length / 2)));
        byte[] flacHeader = flac.clone();
        Arrays.fill(flacHeader, 18, 21, (byte) 0); // STREAMINFO sample rate 0
        cases.add(new Case("flac with sample rate 0", "flac_to_opus.yml", flacHeader));
        cases.add(new Case("mp3 truncated", "mp3_to_opus.yml", Arrays.copyOf(mp3, mp3.length / 2 + 3)));
        byte[] wavChannels = wav.clone();
        ByteBuffer.wrap(wavChannels).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) 0xFFFF);
        cases.add(new Case("wav with 65535 channels", "wav_to_opus.yml", wavChannels));
        byte[] wavSize = wav.clone();
        ByteBuffer.wrap(wavSize).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0xFFFFFFFF).putInt(40, 0xFFFFFFFF);
        cases.add(new Case("wav with sizes 0xFFFFFFFF", "wav_to_opus.yml", wavSize));
        return cases;
    }

    @Test
    void everyBrokenFileEndsQuicklyWithADefinedResult() throws Exception {
        List<String> report = new ArrayList<>();
        for (Case c : corpus()) {
            String yaml = Files.readString(Path.of(System.getProperty("skit.samples"), "pipelines/oneshot", c.sample()));
            long started = System.nanoTime();
            HttpResponse<byte[]> response = running.get().post("/api/v1/process",
                    new Multipart().text("config", yaml).file("media", "broken", "application/octet-stream", c.data()));
            long millis = (System.nanoTime() - started) / 1_000_000;
            int status = response.statusCode();
            report.add(c.name() + " via " + c.sample() + ": " + status + " in " + millis + " ms");
            assertTrue(millis < LIMIT_MS, c.name() + " took " + millis + " ms");
            if (status == 200) {
                Path out = media.resolve("out-" + report.size() + ".ogg");
                Files.write(out, response.body());
                MediaTools.decodeToWav(out); // what came back must decode
            } else {
                assertTrue(status == 400 || status == 422, c.name() + ": " + status + " " + new String(response.body()));
                assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("node '"), c.name());
            }
            assertEquals(200, running.get().get("/healthz").statusCode(), "server unhealthy after " + c.name());
        }
        report.forEach(System.out::println);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        throw new IllegalStateException("pattern not found");
    }
}
