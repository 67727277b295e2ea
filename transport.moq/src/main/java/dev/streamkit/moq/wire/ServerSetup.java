package dev.streamkit.moq.wire;

/** SERVER_SETUP (after 0x21, u16-framed): the version the server chose and its parameters. */
public record ServerSetup(long selectedVersion, SetupParameters parameters) implements WireMessage {

    @Override
    public void encode(WireWriter writer, long version) {
        writer.varint(selectedVersion);
        parameters.encode(writer);
    }

    public static ServerSetup decode(WireReader reader) throws ProtocolViolation {
        return new ServerSetup(reader.varint(), SetupParameters.decode(reader));
    }
}
