package dev.streamkit.nodes.codecs.flac;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.nodes.codecs.ffmpeg.StreamPrelude;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a FLAC stream's header as it streams in: the {@code fLaC} marker, then metadata blocks (STREAMINFO
 * first, exactly 34 bytes, kept as the decoder's extradata; other blocks such as pictures skipped without
 * buffering), then frames, passed on unchanged. Absurd STREAMINFO fields (rate 0, block size under 16, more
 * than {@value #MAX_BLOCKS} blocks) fail as invalid media before anything is allocated from them.
 */
final class FlacStreamHeader implements StreamPrelude {

    private static final byte[] MARKER = "fLaC".getBytes(StandardCharsets.US_ASCII);
    private static final int STREAMINFO = 0;
    private static final int STREAMINFO_LENGTH = 34;
    private static final int INVALID_BLOCK_TYPE = 127;
    private static final int MAX_BLOCKS = 4_096;

    private enum State { MARKER, BLOCK_HEADER, STREAMINFO, SKIP, FRAMES }

    private State state = State.MARKER;
    private final byte[] field = new byte[STREAMINFO_LENGTH];
    private int fieldLength;
    private long skipRemaining;
    private boolean lastBlock;
    private int blocks;
    private byte[] streamInfo;

    @Override
    public void feed(byte[] data, int offset, int length, PayloadSink sink) throws NodeException {
        int at = offset;
        int end = offset + length;
        while (at < end && state != State.FRAMES) {
            if (state == State.SKIP) {
                int n = (int) Math.min(skipRemaining, end - at);
                at += n;
                skipRemaining -= n;
                if (skipRemaining == 0) afterBlock();
                continue;
            }
            int want = switch (state) {
                case MARKER, BLOCK_HEADER -> 4;
                default -> STREAMINFO_LENGTH;
            };
            int n = Math.min(want - fieldLength, end - at);
            System.arraycopy(data, at, field, fieldLength, n);
            fieldLength += n;
            at += n;
            if (fieldLength == want) {
                fieldLength = 0;
                complete();
            }
        }
        if (state == State.FRAMES && at < end) sink.accept(data, at, end - at);
    }

    private void complete() throws NodeException {
        switch (state) {
            case MARKER -> {
                if (!Arrays.equals(field, 0, 4, MARKER, 0, 4)) throw NodeException.invalidMedia("not a FLAC stream: no fLaC marker");
                state = State.BLOCK_HEADER;
            }
            case BLOCK_HEADER -> blockHeader();
            case STREAMINFO -> {
                streamInfo = validStreamInfo(Arrays.copyOf(field, STREAMINFO_LENGTH));
                afterBlock();
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void blockHeader() throws NodeException {
        lastBlock = (field[0] & 0x80) != 0;
        int type = field[0] & 0x7F;
        int length = ((field[1] & 0xFF) << 16) | ((field[2] & 0xFF) << 8) | (field[3] & 0xFF);
        if (++blocks > MAX_BLOCKS) throw NodeException.invalidMedia("FLAC header has more than " + MAX_BLOCKS + " metadata blocks");
        if (type == INVALID_BLOCK_TYPE) throw NodeException.invalidMedia("FLAC metadata block of invalid type 127");
        if (blocks == 1 && (type != STREAMINFO || length != STREAMINFO_LENGTH)) {
            throw NodeException.invalidMedia("FLAC stream does not start with a 34-byte STREAMINFO block");
        }
        if (type == STREAMINFO && blocks > 1) throw NodeException.invalidMedia("FLAC stream has a second STREAMINFO block");
        if (type == STREAMINFO) {
            state = State.STREAMINFO;
        } else if (length == 0) {
            afterBlock();
        } else {
            skipRemaining = length;
            state = State.SKIP;
        }
    }

    private void afterBlock() {
        state = lastBlock ? State.FRAMES : State.BLOCK_HEADER;
    }

    private static byte[] validStreamInfo(byte[] info) throws NodeException {
        int minBlock = ((info[0] & 0xFF) << 8) | (info[1] & 0xFF);
        int maxBlock = ((info[2] & 0xFF) << 8) | (info[3] & 0xFF);
        int rate = ((info[10] & 0xFF) << 12) | ((info[11] & 0xFF) << 4) | ((info[12] & 0xFF) >>> 4);
        int bits = (((info[12] & 0x01) << 4) | ((info[13] & 0xFF) >>> 4)) + 1;
        if (rate == 0) throw NodeException.invalidMedia("FLAC STREAMINFO declares sample rate 0");
        if (maxBlock < 16 || minBlock > maxBlock) {
            throw NodeException.invalidMedia("FLAC STREAMINFO declares block sizes " + minBlock + ".." + maxBlock);
        }
        if (bits < 4) throw NodeException.invalidMedia("FLAC STREAMINFO declares " + bits + " bits per sample");
        return info;
    }

    @Override
    public void end(PayloadSink sink) throws NodeException {
        if (state == State.FRAMES) return;
        if (state == State.MARKER && fieldLength == 0) throw NodeException.invalidMedia("empty input: no FLAC stream");
        throw NodeException.invalidMedia("FLAC input ended inside its header");
    }

    @Override
    public byte[] extradata() {
        return streamInfo == null ? null : streamInfo.clone();
    }
}
