package dev.streamkit.transport.http.oneshot;

import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.api.pipeline.PipelineNode;
import dev.streamkit.engine.Engine;
import dev.streamkit.engine.OneshotRun;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.security.AccessDenied;
import dev.streamkit.security.Role;
import dev.streamkit.transport.http.api.PipelineKinds;
import dev.streamkit.transport.http.api.Responses;
import dev.streamkit.transport.http.api.RoleQuotas;
import dev.streamkit.transport.http.api.RoleRoute;
import dev.streamkit.transport.http.multipart.MultipartException;
import dev.streamkit.transport.http.multipart.MultipartPart;
import dev.streamkit.transport.http.multipart.MultipartReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/v1/process}: StreamKit's oneshot processing. The multipart body must start with the
 * {@code config} field (pipeline YAML, at most 1 MiB); an optional {@code media} field is streamed into
 * {@code streamkit::http_input} while the response streams out of {@code streamkit::http_output}. The
 * status is sent with the first output byte, so failures before that get a proper error status. Mount it
 * behind {@code create_sessions}; every node kind but the two synthetic ones must be in the role's
 * allowlists (403 {@code Permission denied: node type '<kind>' not allowed (node '<id>')}).
 */
public final class ProcessRoute implements RoleRoute {

    private static final String ORDER_ERROR = "Multipart fields must be ordered: 'config' first, then 'media'";

    private final Engine engine;
    private final long maxBodySize;
    private final RoleQuotas quotas;

    public ProcessRoute(Engine engine, long maxBodySize, RoleQuotas quotas) {
        this.engine = engine;
        this.quotas = quotas;
        this.maxBodySize = maxBodySize;
    }

    @Override
    public void handle(Role role, Request request, Response response, Callback callback) throws Exception {
        String boundary = MultipartReader.boundaryOf(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (boundary == null) {
            Responses.text(response, callback, 400, "Invalid `boundary` for `multipart/form-data` request");
            return;
        }
        long declared = request.getLength();
        if (declared > maxBodySize) {
            // Refuse without reading the body; an HTTP/1 connection cannot be reused once its body is skipped.
            if (request.getConnectionMetaData().getHttpVersion().getVersion() < 20) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            Responses.text(response, callback, 413, new RequestBodyTooLargeException(maxBodySize).getMessage());
            return;
        }
        LimitedInputStream body = new LimitedInputStream(Content.Source.asInputStream(request), maxBodySize);
        MultipartReader multipart = new MultipartReader(body, boundary);
        try {
            process(role, multipart, body, request, response, callback);
        } catch (RequestBodyTooLargeException e) {
            Responses.text(response, callback, 413, e.getMessage());
        } catch (MultipartException e) {
            Responses.text(response, callback, 400, "Invalid multipart body: " + e.getMessage());
        }
    }

    private void process(Role role, MultipartReader multipart, LimitedInputStream body, Request request,
                         Response response, Callback callback)
            throws IOException, InterruptedException, AccessDenied {
        MultipartPart first = multipart.nextPart();
        if (first == null || !"config".equals(first.name())) {
            Responses.text(response, callback, 400, ORDER_ERROR);
            return;
        }
        byte[] yaml = first.body().readNBytes(PipelineCompiler.MAX_YAML_BYTES + 1);
        if (yaml.length > PipelineCompiler.MAX_YAML_BYTES) {
            Responses.text(response, callback, 413, "Pipeline YAML is larger than " + PipelineCompiler.MAX_YAML_BYTES + " bytes");
            return;
        }
        Pipeline pipeline;
        try {
            pipeline = engine.compile(new String(yaml, StandardCharsets.UTF_8));
        } catch (PipelineException e) {
            String prefix = e.kind() == PipelineException.Kind.YAML ? "Invalid YAML config format: "
                    : e.kind() == PipelineException.Kind.STRUCTURE ? "Invalid pipeline: " : "";
            Responses.text(response, callback, e.status(), prefix + e.getMessage());
            return;
        }
        MultipartPart media = nextMediaPart(multipart);
        if (media != null && isEmpty(media)) {
            Responses.text(response, callback, 400, "The 'media' field is empty");
            return;
        }
        String violation = OneshotEntryRules.violation(pipeline, media != null);
        if (violation != null) {
            Responses.text(response, callback, 400, violation);
            return;
        }
        PipelineKinds.require(role, pipeline);
        Runnable releaseSlot;
        try {
            releaseSlot = quotas.takeOneshotSlot(role);
        } catch (PipelineException e) {
            Responses.text(response, callback, e.status(), e.getMessage());
            return;
        }
        try {
            run(pipeline, media, body, request, response, callback);
        } finally {
            releaseSlot.run();
        }
    }

    private static boolean isEmpty(MultipartPart media) throws IOException {
        media.body().mark(1);
        boolean empty = media.body().read() < 0;
        media.body().reset();
        return empty;
    }

    /** Skips fields other than {@code media}; StreamKit ignores them. */
    private static MultipartPart nextMediaPart(MultipartReader multipart) throws IOException {
        MultipartPart part;
        while ((part = multipart.nextPart()) != null) {
            if ("media".equals(part.name())) {
                return new MultipartPart(part.name(), part.filename(), part.contentType(), new BufferedInputStream(part.body(), 1));
            }
        }
        return null;
    }

    private void run(Pipeline pipeline, MultipartPart media, LimitedInputStream body, Request request, Response response,
                     Callback callback) throws InterruptedException {
        ResponseStream output = new ResponseStream(response, callback);
        Map<String, NodeFactory> requestNodes = Map.of(
                HttpNodeDefinitions.INPUT_KIND, new RequestNodeFactory(HttpNodeDefinitions.INPUT,
                        () -> new HttpInputNode(media == null ? InputStream.nullInputStream() : media.body(),
                                media == null ? null : media.contentType())),
                HttpNodeDefinitions.OUTPUT_KIND, new RequestNodeFactory(HttpNodeDefinitions.OUTPUT, () -> new HttpOutputNode(output)));
        OneshotRun run;
        try {
            run = engine.prepareOneshot(pipeline, requestNodes);
        } catch (PipelineException e) {
            Responses.text(response, callback, e.status(), e.getMessage());
            return;
        }
        output.contentType(contentType(pipeline, run, media));
        request.addFailureListener(failure -> run.cancel("client connection failed: " + failure));
        run.start();
        try {
            run.completion().get();
            output.complete();
        } catch (ExecutionException e) {
            PipelineException failure = (PipelineException) e.getCause();
            if (body.exceeded()) {
                output.fail(413, new RequestBodyTooLargeException(maxBodySize).getMessage(), failure);
            } else {
                output.fail(failure.status(), failure.getMessage(), failure);
            }
        } catch (InterruptedException e) {
            run.cancel("server stopping");
            output.fail(503, "Server is stopping", e);
            throw e;
        }
    }

    /** StreamKit's precedence: http_output's param, then the upstream node's, then the upload's, then octet-stream. */
    private static String contentType(Pipeline pipeline, OneshotRun run, MultipartPart media) {
        String outputId = OneshotEntryRules.idOf(pipeline, HttpNodeDefinitions.OUTPUT_KIND);
        PipelineNode output = pipeline.nodes().get(outputId);
        if (output.params() != null && output.params().get("content_type") instanceof String explicit) return explicit;
        String upstream = run.upstreamContentType(outputId);
        if (upstream != null) return upstream;
        if (media != null && media.contentType() != null) return media.contentType();
        return "application/octet-stream";
    }
}
