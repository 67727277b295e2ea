package dev.streamkit.moq.nodes;

import dev.streamkit.moq.session.BroadcastProducer;

/** Makes the in-process broadcasts the nodes write and every session they serve reads. */
final class LocalBroadcasts {

    private LocalBroadcasts() {
    }

    /** A new broadcast at {@code path}. */
    static BroadcastProducer create(String path) {
        throw new UnsupportedOperationException("local broadcasts: pending the protocol layer");
    }
}
