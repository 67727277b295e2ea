package dev.streamkit.itests;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A WebTransport acceptor bundle built at test time (a DS component registering a
 * {@code dev.streamkit.quic.WebTransportAcceptor} on {@value #PATH}): it takes the last offered subprotocol it
 * knows ({@code echo-test}), sends the offered list and the {@code q} query parameter on a unidirectional stream
 * once the session is up (then closes the session with code {@code close} when the query has one), echoes
 * every bidirectional stream, and prints how each session ended.
 */
final class EchoAcceptorBundle {

    static final String PATH = "/itest/echo";
    static final String PROTOCOL = "echo-test";
    /** What the acceptor prints (to the server's log) when a session ends, before code, reason and side. */
    static final String CLOSED_LOG = "echo-acceptor: session closed";

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
                            session.closed().thenAccept(close -> System.out.println("%s " + close.errorCode()
                                    + " '" + close.reason() + "' byPeer=" + close.byPeer()));
                            try {
                                SendStream out = session.openUnidirectional();
                                out.output().write(offered.getBytes(StandardCharsets.UTF_8));
                                out.finish();
                                String close = request.queryParameter("close");
                                if (close != null) session.close(Long.parseLong(close), "server says bye");
                            } catch (Exception e) {
                                session.close(1, e.toString());
                            }
                        }));
                    }
                }
                """.formatted(PROTOCOL, PROTOCOL, CLOSED_LOG);
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
