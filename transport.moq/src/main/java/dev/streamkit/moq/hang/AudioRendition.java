package dev.streamkit.moq.hang;

/**
 * One audio rendition of a hang catalog (a WebCodecs AudioDecoderConfig plus transport facts).
 *
 * @param codec            WebCodecs codec string, e.g. {@code opus}
 * @param sampleRate       Hz
 * @param numberOfChannels channel count
 * @param bitrate          bits per second, or {@code null}
 * @param container        container kind: {@code legacy} (the default), {@code cmaf}, {@code loc} or another
 * @param description      hex codec description, or {@code null}
 * @param jitter           the publisher's maximum frame jitter in ms, or {@code null}
 */
public record AudioRendition(String codec, int sampleRate, int numberOfChannels, Long bitrate, String container,
                             String description, Long jitter) {

    /** An Opus rendition in the legacy container, as StreamKit publishes it. */
    public static AudioRendition opus(int sampleRate, int numberOfChannels, long bitrate) {
        return new AudioRendition("opus", sampleRate, numberOfChannels, bitrate, HangCatalog.LEGACY, null, null);
    }

    /** Whether frames of this rendition use the legacy container this package decodes. */
    public boolean isLegacyContainer() {
        return HangCatalog.LEGACY.equals(container);
    }
}
