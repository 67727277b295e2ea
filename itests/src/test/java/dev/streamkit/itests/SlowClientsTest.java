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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reliability case 22 over loopback: clients trickling a request header or body (slowloris) are closed
 * while a healthy client keeps fast answers, and a request body that never comes is answered 408 promptly.
 */
class SlowClientsTest {

    private static final int TRICKLERS = 200;
    private static final long RUN_MS = 25_000;
    private static final long TRICKLE_EVERY_MS = 2_000;

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @Test
    void trickledHeadersAndBodiesAreClosedAndHealthStaysFast() throws Exception {
        List<SocketChannel> tricklers = new ArrayList<>();
        List<Long> latenciesMs = new ArrayList<>();
        try {
            for (int i = 0; i < TRICKLERS; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", running.get().port));
                channel.configureBlocking(false);
                String start = i % 2 == 0
                        ? "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        : "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 100000\r\n\r\n{";
                channel.write(ByteBuffer.wrap(start.getBytes(StandardCharsets.US_ASCII)));
                tricklers.add(channel);
            }
            long begin = System.nanoTime();
            long nextTrickle = 0;
            int open = TRICKLERS;
            while (open > 0 && elapsedMs(begin) < RUN_MS) {
                if (elapsedMs(begin) >= nextTrickle) {
                    nextTrickle += TRICKLE_EVERY_MS;
                    open = 0;
                    for (int i = 0; i < tricklers.size(); i++) {
                        if (trickle(tricklers.get(i), i % 2 == 0 ? "X-Slow: 1\r\n" : " ")) open++;
                    }
                }
                long asked = System.nanoTime();
                HttpResponse<String> health = running.get().get("/healthz");
                latenciesMs.add(elapsedMs(asked));
                assertEquals(200, health.statusCode());
                Thread.sleep(200);
            }
            assertEquals(0, open, "trickling connections still open after " + RUN_MS + " ms");
        } finally {
            for (SocketChannel channel : tricklers) channel.close();
        }
        Collections.sort(latenciesMs);
        long p90 = latenciesMs.get((int) (latenciesMs.size() * 0.9));
        assertTrue(p90 < 100, "healthy /healthz p90 " + p90 + " ms (all: " + latenciesMs + ")");
    }

    /** Sends {@code text} unless the server closed the connection; returns whether it is still open. */
    private static boolean trickle(SocketChannel channel, String text) {
        if (!channel.isOpen()) return false;
        try {
            ByteBuffer answer = ByteBuffer.allocate(4096);
            int read;
            while ((read = channel.read(answer)) > 0) answer.clear();
            if (read < 0) {
                channel.close();
                return false;
            }
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
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
