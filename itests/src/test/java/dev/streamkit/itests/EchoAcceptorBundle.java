package dev.streamkit.itests;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A WebTransport acceptor bundle built at test time (a DS component registering a
 * {@code dev.streamkit.quic.WebTransportAcceptor} on {@value #PATH}): it takes the last offered subprotocol it
 * knows ({@code echo-test}), sends the offered list and the {@code q} query parameter on a unidirectional stream
 * once the session is up, and echoes every bidirectional stream.
 */
final class EchoAcceptorBundle {

    static final String PATH = "/itest/echo";
    static final String PROTOCOL = "echo-test";

    private EchoAcceptorBundle() {
    }

    static Path build(Path workDir) throws IOException {
        String source = """
                package test.wt;
                import dev.streamkit.quic.*;
                import java.nio.charset.StandardCharsets;
                import java.util.concurrent.*;
                public final class EchoAcceptor implements WebTransportAcceptor {
                    public CompletionStage<Acceptance> accept(SessionRequest request) {
                        String offered = String.join(",", request.offeredProtocols()) + "|q=" + request.queryParameter("q");
                        String protocol = request.offeredProtocols().contains("%s") ? "%s" : "";
                        StreamHandler echo = new StreamHandler() {
                            public void onBidirectional(BidiStream stream) throws Exception {
                                stream.input().transferTo(stream.output());
                                stream.finish();
                            }
                            public void onUnidirectional(ReceiveStream stream) { stream.abort(0); }
                        };
                        return CompletableFuture.completedFuture(new Acceptance.Accept(protocol, echo, session -> {
                            try {
                                SendStream out = session.openUnidirectional();
                                out.output().write(offered.getBytes(StandardCharsets.UTF_8));
                                out.finish();
                            } catch (Exception e) {
                                session.close(1, e.toString());
                            }
                        }));
                    }
                }
                """.formatted(PROTOCOL, PROTOCOL);
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="test.wt.EchoAcceptor">
                  <property name="streamkit.webtransport.path" type="String" value="%s"/>
                  <service><provide interface="dev.streamkit.quic.WebTransportAcceptor"/></service>
                  <implementation class="test.wt.EchoAcceptor"/>
                </scr:component>
                """.formatted(PATH);
        return TestBundleBuilder.componentBundle(workDir, "test.wt.echo", "1.0.0",
                "dev.streamkit.quic;version=\"[1.0,2)\"", "test.wt", "EchoAcceptor", source, component,
                System.getProperty("skit.quic.jar"));
    }
}
