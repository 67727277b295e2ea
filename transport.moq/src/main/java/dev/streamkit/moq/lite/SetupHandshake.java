package dev.streamkit.moq.lite;

import dev.streamkit.moq.wire.ClientSetup;
import dev.streamkit.moq.wire.MessageIo;
import dev.streamkit.moq.wire.MoqErrorCode;
import dev.streamkit.moq.wire.MoqVersion;
import dev.streamkit.moq.wire.ProtocolViolation;
import dev.streamkit.moq.wire.ServerSetup;
import dev.streamkit.moq.wire.SessionInfo;
import dev.streamkit.moq.wire.SetupParameters;
import dev.streamkit.moq.wire.StreamType;
import dev.streamkit.moq.wire.Varint;
import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.WebTransportSession;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The SETUP exchange of {@code moql} (or no subprotocol): CLIENT_SETUP (0x20) and SERVER_SETUP (0x21), u16-framed
 * in the draft-14 layout. This side speaks lite-02 and lite-01 there; an offer without them (e.g. only IETF
 * draft 14) is refused with code 9 (version). The SETUP stream then stays open as the session stream, carrying
 * only SESSION_INFO, which is read and ignored.
 */
final class SetupHandshake {

    /** The Implementation parameter this side sends. */
    static final String IMPLEMENTATION = "streamkit-j";

    /** The versions a client offers, best first. */
    static final List<Long> OFFER = List.of(MoqVersion.LITE_02, MoqVersion.LITE_01);

    /** A SETUP the client completed: the version and the session stream. */
    record Result(long version, BidiStream sessionStream) {
    }

    private SetupHandshake() {
    }

    /** Server side: reads CLIENT_SETUP (its type already read), answers SERVER_SETUP; returns the version. */
    static long serve(BidiStream stream, MoqLimits limits) throws IOException {
        ClientSetup offer = MessageIo.readU16(stream.input(), limits.maxMessageBytes(), ClientSetup::decode);
        long chosen = choose(offer.versions());
        if (chosen < 0) {
            throw new ProtocolViolation(MoqErrorCode.VERSION, "no moq-lite version offered " + names(offer.versions())
                    + "; SETUP here speaks moq-lite-02 and moq-lite-01");
        }
        OutputStream out = stream.output();
        Varint.write(out, StreamType.SERVER_SETUP);
        MessageIo.writeU16(out, new ServerSetup(chosen, SetupParameters.implementation(IMPLEMENTATION)), chosen);
        out.flush();
        return chosen;
    }

    /** Client side: opens the SETUP stream, offers {@code offer} (normally {@link #OFFER}), reads the choice. */
    static Result connect(WebTransportSession transport, MoqLimits limits, List<Long> offer) throws IOException {
        BidiStream stream = transport.openBidirectional();
        OutputStream out = stream.output();
        Varint.write(out, StreamType.CLIENT_SETUP);
        MessageIo.writeU16(out, new ClientSetup(offer,
                SetupParameters.implementation(IMPLEMENTATION)), 0);
        out.flush();
        long type = Varint.read(stream.input());
        if (type != StreamType.SERVER_SETUP) {
            throw new ProtocolViolation(MoqErrorCode.UNEXPECTED_MESSAGE, "expected SERVER_SETUP, got type " + type);
        }
        ServerSetup answer = MessageIo.readU16(stream.input(), limits.maxMessageBytes(), ServerSetup::decode);
        if (!offer.contains(answer.selectedVersion()) || !MoqVersion.isSetupEra(answer.selectedVersion())) {
            throw new ProtocolViolation(MoqErrorCode.VERSION,
                    "server chose " + MoqVersion.name(answer.selectedVersion()) + ", not offered");
        }
        return new Result(answer.selectedVersion(), stream);
    }

    /** Reads the session stream's SESSION_INFO messages until it ends. */
    static void drainSessionStream(BidiStream stream, MoqLimits limits) throws IOException {
        while (MessageIo.readOrEnd(stream.input(), limits.maxMessageBytes(), SessionInfo::decode) != null) {
            // the peer's bitrate estimate is informational
        }
    }

    private static long choose(List<Long> offered) {
        if (offered.contains(MoqVersion.LITE_02)) {
            return MoqVersion.LITE_02;
        }
        return offered.contains(MoqVersion.LITE_01) ? MoqVersion.LITE_01 : -1;
    }

    private static String names(List<Long> versions) {
        return versions.stream().map(MoqVersion::name).toList().toString();
    }
}
