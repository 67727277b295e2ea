import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark probe: listens on the control WebSocket for the pacers' {@code pacer.deadline_missed}
 * telemetry and writes, every 500 ms, the total of missed 20 ms deadlines over all sessions (the highest
 * cumulative {@code missed_total} seen per session and node) to a file, as {@code missed=<n> events=<n>}.
 * Run with {@code java bench/MissedDeadlines.java ws://127.0.0.1:PORT/api/v1/control OUT_FILE SECONDS}.
 */
public final class MissedDeadlines {

    private static final Pattern SESSION = Pattern.compile("\"session_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NODE = Pattern.compile("\"node_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"missed_total\"\\s*:\\s*(\\d+)");

    private final Map<String, Long> highest = new ConcurrentHashMap<>();
    private volatile long events;

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        Path out = Path.of(args[1]);
        long seconds = Long.parseLong(args[2]);
        new MissedDeadlines().run(uri, out, seconds);
    }

    private void run(URI uri, Path out, long seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        WebSocket socket = client.newWebSocketBuilder().buildAsync(uri, new Listener()).get();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(500);
            write(out);
        }
        socket.abort();
    }

    private void write(Path out) throws Exception {
        long missed = highest.values().stream().mapToLong(Long::longValue).sum();
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, "missed=" + missed + " events=" + events + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void record(String text) {
        if (!text.contains("\"nodetelemetry\"") || !text.contains("pacer.deadline_missed")) return;
        Matcher session = SESSION.matcher(text);
        Matcher node = NODE.matcher(text);
        Matcher total = TOTAL.matcher(text);
        if (!session.find() || !node.find() || !total.find()) return;
        events++;
        highest.merge(session.group(1) + "/" + node.group(1), Long.parseLong(total.group(1)), Math::max);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                record(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
