package dev.streamkit.engine;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads pipeline YAML (or a sample fragment) into a JSON tree at a cost proportional to its size, within
 * fixed bounds. A document is refused ({@link PipelineException.Kind#YAML}, 400, or
 * {@link PipelineException.Kind#TOO_LARGE}, 413) when it
 *
 * <ul>
 *   <li>is larger than {@value #MAX_BYTES} bytes (UTF-8);</li>
 *   <li>has a line longer than {@value #MAX_LINE_CHARS} characters;</li>
 *   <li>has a string (value or key) longer than {@value #MAX_SCALAR_CHARS} characters;</li>
 *   <li>nests collections deeper than {@value #MAX_DEPTH} levels;</li>
 *   <li>uses an alias ({@code *name}) or anchors a mapping or sequence ({@code &name}): Jackson would read
 *       an alias as the anchor's name, silently changing the document, and expanding aliases invites alias
 *       bombs (Jackson does not report an anchor on a plain value, which changes nothing without an
 *       alias);</li>
 *   <li>repeats a key in one mapping.</li>
 * </ul>
 *
 * <p>NOTE: the line limit is what keeps parsing linear. SnakeYAML's reader copies its whole look-ahead
 * window each time it reads 1 KiB more, so scanning one unbroken run of characters costs the square of
 * its length: a single 1 MB string allocated 1.9 GB. Every run SnakeYAML scans ahead ends at a line
 * break, so bounding lines bounds the window (a 1 MiB document of longest lines allocates about 130 MB,
 * briefly). The limits are checked while the parser streams, before any tree is built. Thread-safe.
 */
public final class PipelineYaml {

    /** Largest document, in UTF-8 bytes. */
    public static final int MAX_BYTES = 1 << 20;
    /** Longest line, in characters. */
    public static final int MAX_LINE_CHARS = 1 << 16;
    /** Longest string value or mapping key, in characters. */
    public static final int MAX_SCALAR_CHARS = 1 << 16;
    /** Deepest nesting of mappings and sequences. */
    public static final int MAX_DEPTH = 64;

    private static final YAMLFactory FACTORY = factory();
    private static final ObjectMapper TREES = new ObjectMapper();

    private PipelineYaml() {
    }

    /** The first document of {@code text} as a tree, or {@code null} when it has none. */
    public static JsonNode read(String text) throws PipelineException {
        checkSizeAndLines(text);
        try (JsonParser parser = FACTORY.createParser(text); TokenBuffer copy = new TokenBuffer(TREES, false)) {
            int depth = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                checkToken(parser, token, depth);
                if (token.isStructStart()) depth++;
                if (token.isStructEnd()) depth--;
                copy.copyCurrentEvent(parser);
                if (depth == 0) break;
            }
            if (token == null) return null;
            try (JsonParser tokens = copy.asParser(TREES)) {
                return TREES.readTree(tokens);
            }
        } catch (JacksonException e) {
            throw invalid(e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(e.getMessage());
        }
    }

    /** Size first (413 whatever the content), then the first line over the limit. */
    private static void checkSizeAndLines(String text) throws PipelineException {
        long bytes = 0;
        int line = 1;
        int lineStart = 0;
        int longLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            if (c == '\n' || c == '\r') {
                if (c == '\r' || i == 0 || text.charAt(i - 1) != '\r') line++;
                lineStart = i + 1;
            } else if (longLine == 0 && i - lineStart >= MAX_LINE_CHARS) {
                longLine = line;
            }
        }
        if (bytes > MAX_BYTES) {
            throw new PipelineException(PipelineException.Kind.TOO_LARGE,
                    "Pipeline YAML is larger than " + MAX_BYTES + " bytes");
        }
        if (longLine > 0) throw invalid("line " + longLine + " is longer than " + MAX_LINE_CHARS + " characters");
    }

    private static void checkToken(JsonParser parser, JsonToken token, int depth) throws IOException, PipelineException {
        YAMLParser yaml = (YAMLParser) parser;
        if (yaml.isCurrentAlias()) {
            throw invalid("YAML aliases are not supported: found '*" + parser.getText() + "' " + at(parser));
        }
        Object anchor = parser.getObjectId();
        if (anchor != null) {
            throw invalid("YAML anchors are not supported: found '&" + anchor + "' " + at(parser));
        }
        if (token.isStructStart() && depth >= MAX_DEPTH) {
            throw invalid("nesting deeper than " + MAX_DEPTH + " levels " + at(parser));
        }
        if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && parser.getTextLength() > MAX_SCALAR_CHARS) {
            String what = token == JsonToken.FIELD_NAME ? "a key" : "a string";
            throw invalid(what + " longer than " + MAX_SCALAR_CHARS + " characters " + at(parser));
        }
    }

    private static String at(JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static PipelineException invalid(String detail) {
        return new PipelineException(PipelineException.Kind.YAML, detail);
    }

    private static YAMLFactory factory() {
        LoaderOptions limits = new LoaderOptions();
        limits.setAllowDuplicateKeys(false);
        limits.setNestingDepthLimit(MAX_DEPTH);
        limits.setCodePointLimit(MAX_BYTES);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(limits).build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return factory;
    }
}
