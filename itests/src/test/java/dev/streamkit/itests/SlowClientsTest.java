package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reliability case 22 over loopback: clients trickling a request header or body (slowloris) over HTTP/1,
 * cleartext HTTP/2 or a WebSocket are closed while a healthy client keeps fast answers, and a request body
 * that never comes is answered 408 promptly.
 */
class SlowClientsTest {

    private static final int TRICKLERS = 200;
    private static final long RUN_MS = 40_000;
    private static final long TRICKLE_EVERY_MS = 2_000;

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @Test
    void trickledHeadersAndBodiesAreClosedAndHealthStaysFast() throws Exception {
        assertTricklersClosedAndHealthFast("HTTP/1", i -> openWith(i % 2 == 0
                ? ascii("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                : ascii("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{")),
                i -> i % 2 == 0 ? ascii("X-Slow: 1\r\n") : ascii(" "));
    }

    @Test
    void trickledHttp2FramesAreClosedAndHealthStaysFast() throws Exception {
        // Thirds: request headers never finished (CONTINUATION frames), PINGs without any request, and a
        // request body trickled in one-byte DATA frames.
        assertTricklersClosedAndHealthFast("h2c", i -> openWith(switch (i % 3) {
            case 0 -> H2Frames.preface(H2Frames.headers(1, false, H2Frames.getHealthz()));
            case 1 -> H2Frames.preface(new byte[0]);
            default -> H2Frames.preface(H2Frames.headers(1, true, H2Frames.postSessions()));
        }), i -> switch (i % 3) {
            case 0 -> H2Frames.continuation(1);
            case 1 -> H2Frames.ping();
            default -> H2Frames.data(1);
        });
    }

    @Test
    void stalledWebSocketHandshakesAndFramesAreClosedAndHealthStaysFast() throws Exception {
        // Halves: an upgrade request trickled header by header, and an upgraded socket trickling one frame.
        String upgrade = "GET /api/v1/control HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        assertTricklersClosedAndHealthFast("WebSocket", i -> i % 2 == 0
                ? openWith(ascii(upgrade))
                : upgraded(upgrade + "\r\n", new byte[] {(byte) 0x81, (byte) 0xE4, 1, 2, 3, 4}),
                i -> i % 2 == 0 ? ascii("X-Slow: 1\r\n") : new byte[] {'x'});
    }

    /**
     * Opens {@value #TRICKLERS} connections with {@code open}, then every {@value #TRICKLE_EVERY_MS} ms sends each
     * still open one {@code trickle} bytes while a healthy client asks {@code /healthz} every 200 ms; asserts the
     * server closed them all within {@value #RUN_MS} ms and the healthy latency's p90 stayed under 100 ms.
     */
    private void assertTricklersClosedAndHealthFast(String kind, Opener opener, IntFunction<byte[]> trickle) throws Exception {
        List<SocketChannel> tricklers = new ArrayList<>();
        List<Long> latenciesMs = new ArrayList<>();
        long begin;
        int open;
        try {
            for (int i = 0; i < TRICKLERS; i++) tricklers.add(opener.open(i));
            begin = System.nanoTime();
            long nextTrickle = 0;
            open = TRICKLERS;
            while (open > 0 && elapsedMs(begin) < RUN_MS) {
                if (elapsedMs(begin) >= nextTrickle) {
                    nextTrickle += TRICKLE_EVERY_MS;
                    open = 0;
                    for (int i = 0; i < tricklers.size(); i++) {
                        if (trickle(tricklers.get(i), trickle.apply(i))) open++;
                    }
                }
                long asked = System.nanoTime();
                HttpResponse<String> health = running.get().get("/healthz");
                latenciesMs.add(elapsedMs(asked));
                assertEquals(200, health.statusCode());
                Thread.sleep(200);
            }
        } finally {
            for (SocketChannel channel : tricklers) channel.close();
        }
        Collections.sort(latenciesMs);
        long p90 = latenciesMs.get((int) (latenciesMs.size() * 0.9));
        long max = latenciesMs.get(latenciesMs.size() - 1);
        System.out.printf("SlowClientsTest %s: %d tricklers closed after %d ms; healthy /healthz p90 %d ms, max %d ms (%d requests)%n",
                kind, TRICKLERS - open, elapsedMs(begin), p90, max, latenciesMs.size());
        assertEquals(0, open, kind + ": trickling connections still open after " + RUN_MS + " ms");
        assertTrue(p90 < 100, kind + ": healthy /healthz p90 " + p90 + " ms, max " + max + " ms (all: " + latenciesMs + ")");
    }

    /** Opens one trickling connection. */
    @FunctionalInterface
    private interface Opener {
        SocketChannel open(int index) throws IOException;
    }

    private SocketChannel openWith(byte[] start) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", running.get().port));
        channel.configureBlocking(false);
        channel.write(ByteBuffer.wrap(start));
        return channel;
    }

    /** A connection upgraded to a WebSocket by {@code request}, then sent {@code start} (the beginning of a frame). */
    private SocketChannel upgraded(String request, byte[] start) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", running.get().port));
        channel.socket().setSoTimeout(10_000);
        channel.write(ByteBuffer.wrap(ascii(request)));
        String head = responseHead(channel.socket().getInputStream());
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
        channel.configureBlocking(false);
        channel.write(ByteBuffer.wrap(start));
        return channel;
    }

    /** The response head, read byte by byte up to its blank line (at most 4 KiB). */
    private static String responseHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int b = in.read(); b >= 0 && head.length() < 4096; b = in.read()) {
            head.append((char) b);
            if (head.toString().endsWith("\r\n\r\n")) break;
        }
        return head.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends {@code text} unless the server closed the connection; returns whether it is still open. */
    private static boolean trickle(SocketChannel channel, byte[] bytes) {
        if (!channel.isOpen()) return false;
        try {
            ByteBuffer answer = ByteBuffer.allocate(4096);
            int read;
            while ((read = channel.read(answer)) > 0) answer.clear();
            if (read < 0) {
                channel.close();
                return false;
            }
            channel.write(ByteBuffer.wrap(bytes));
            return true;
        } catch (IOException closedByServer) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already gone
            }
            return false;
        }
    }

    @Test
    void aBodyThatNeverComesIsAnswered408Promptly() throws Exception {
        String multipart = "multipart/form-data; boundary=xyz"; // the oneshot reads its body on another thread
        for (String[] route : new String[][] {{"/api/v1/sessions", "application/json"}, {"/api/v1/process", multipart}}) {
            try (Socket socket = new Socket("127.0.0.1", running.get().port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + route[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + route[1] + "\r\n"
                        + "Content-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                long sent = System.nanoTime();
                String statusLine = firstLine(socket.getInputStream());
                long waitedMs = elapsedMs(sent);
                assertTrue(statusLine.startsWith("HTTP/1.1 408"), route[0] + ": " + statusLine);
                assertTrue(waitedMs < 15_000, route[0] + " answered after " + waitedMs + " ms");
            }
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n' && line.length() < 200; b = in.read()) line.append((char) b);
        return line.toString().trim();
    }

    private static long elapsedMs(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }
}
