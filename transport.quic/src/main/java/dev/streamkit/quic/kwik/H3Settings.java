package dev.streamkit.quic.kwik;

import java.util.Map;
import tech.kwik.flupke.server.Http3ServerConnection;
import tech.kwik.flupke.server.Http3ServerExtension;
import tech.kwik.flupke.server.Http3ServerExtensionFactory;

/**
 * The HTTP/3 SETTINGS a WebTransport endpoint sends besides flupke's own (ENABLE_CONNECT_PROTOCOL): Chromium
 * refuses a session unless the server also sends SETTINGS_H3_DATAGRAM = 1 and the draft-02
 * SETTINGS_ENABLE_WEBTRANSPORT = 1; WT_MAX_SESSIONS = 1 serves the later drafts. flupke only takes extra settings
 * from an extension factory, so this is one that never makes an extension (CONNECT is handled by
 * {@link ServerH3Connection} itself).
 */
final class H3Settings implements Http3ServerExtensionFactory {

    static final Map<Long, Long> WEBTRANSPORT = Map.of(
            WireFormat.SETTINGS_H3_DATAGRAM, 1L,
            WireFormat.SETTINGS_ENABLE_WEBTRANSPORT_DRAFT02, 1L,
            WireFormat.SETTINGS_WT_MAX_SESSIONS, 1L);

    @Override
    public Http3ServerExtension createExtension(Http3ServerConnection connection) {
        throw new UnsupportedOperationException("CONNECT is handled by ServerH3Connection");
    }

    @Override
    public Map<Long, Long> getExtensionSettings() {
        return WEBTRANSPORT;
    }
}
