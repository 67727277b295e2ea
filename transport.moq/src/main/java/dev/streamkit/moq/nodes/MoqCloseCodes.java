package dev.streamkit.moq.nodes;

/** Application error codes the nodes close MoQ sessions with (0 is a normal close). */
final class MoqCloseCodes {

    /** A second publisher got past admission while the first was still connecting. */
    static final long PUBLISHER_BUSY = 409;
    /** The publisher's broadcast could not be read (no audio rendition, malformed frames). */
    static final long BAD_BROADCAST = 400;

    private MoqCloseCodes() {
    }
}
