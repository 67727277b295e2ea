package dev.streamkit.security.jwt;

/**
 * What one MoQ connection may do, with broadcast paths relative to the connection path (segment-wise
 * matching, see {@link MoqPaths}).
 */
public interface MoqGrant {

    /** Everything allowed: auth off or a public path. */
    MoqGrant ALL = new MoqGrant() {
        @Override
        public boolean mayPublish(String broadcast) {
            return true;
        }

        @Override
        public boolean maySubscribe(String broadcast) {
            return true;
        }
    };

    /** Whether the connection may announce and publish {@code broadcast}. */
    boolean mayPublish(String broadcast);

    /** Whether the connection may subscribe to {@code broadcast}. */
    boolean maySubscribe(String broadcast);
}
