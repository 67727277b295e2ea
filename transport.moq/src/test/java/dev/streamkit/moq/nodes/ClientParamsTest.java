package dev.streamkit.moq.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relay URL and broadcast of the client kinds. */
class ClientParamsTest {

    @Test
    void anHttpUrlAndABroadcastAreTaken() throws Exception {
        ClientParams params = ClientParams.read(Params.of(Map.of("url", "http://127.0.0.1:4545/moq/input", "broadcast", "input")));
        assertEquals("/moq/input", params.url().getPath());
        assertEquals("input", params.broadcast());
    }

    @Test
    void aMissingOrForeignUrlIsRefusedNamingTheField() {
        for (String url : new String[] {"", "ftp://relay/x", "relay:4443", "http://"}) {
            NodeException refused = assertThrows(NodeException.class, () -> ClientParams.read(Params.of(Map.of("url", url))), url);
            assertEquals("url", refused.field(), url);
        }
    }
}
