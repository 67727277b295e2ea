package dev.streamkit.quic.kwik;

import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.ReceiveStream;
import dev.streamkit.quic.StreamHandler;

/** The handler of a session that takes no streams from its peer: each is refused at once. */
enum RefusingHandler implements StreamHandler {
    INSTANCE;

    @Override
    public void onBidirectional(BidiStream stream) {
        stream.reset(WireFormat.REQUEST_REJECTED);
        stream.abort(WireFormat.REQUEST_REJECTED);
    }

    @Override
    public void onUnidirectional(ReceiveStream stream) {
        stream.abort(WireFormat.REQUEST_REJECTED);
    }
}
