package dev.streamkit.api.packet;

/** Sample formats named in the type system. Runtime audio is always {@link #F32}. */
public enum SampleFormat {
    /** 32-bit float, interleaved. */
    F32("F32"),
    /** 16-bit signed little-endian; appears only in pin types. */
    S16_LE("S16Le");

    private final String wireName;

    SampleFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in StreamKit's JSON ({@code "F32"}, {@code "S16Le"}). */
    public String wireName() {
        return wireName;
    }
}
