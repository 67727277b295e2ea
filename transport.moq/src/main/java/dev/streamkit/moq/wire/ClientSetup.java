package dev.streamkit.moq.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT_SETUP (after stream type 0x20, u16-framed): the versions the client offers, in its preference order,
 * and its parameters. The version argument of encode/decode is unused: SETUP always has the draft-14 layout.
 */
public record ClientSetup(List<Long> versions, SetupParameters parameters) implements WireMessage {

    /** The most versions accepted in one offer. */
    public static final int MAX_VERSIONS = 128;

    public ClientSetup {
        versions = List.copyOf(versions);
    }

    @Override
    public void encode(WireWriter writer, long version) {
        writer.varint(versions.size());
        versions.forEach(writer::varint);
        parameters.encode(writer);
    }

    public static ClientSetup decode(WireReader reader) throws ProtocolViolation {
        int count = reader.count(MAX_VERSIONS, "version count");
        List<Long> versions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            versions.add(reader.varint());
        }
        return new ClientSetup(versions, SetupParameters.decode(reader));
    }
}
