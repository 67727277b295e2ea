package dev.streamkit.moq.wire;

/** A message body that encodes itself for a given moq-lite version. */
public interface WireMessage {

    /** Writes this message's body (without its size prefix). */
    void encode(WireWriter writer, long version);
}
