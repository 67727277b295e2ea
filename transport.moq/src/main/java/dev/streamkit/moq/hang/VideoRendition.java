package dev.streamkit.moq.hang;

/**
 * One video rendition of a hang catalog; sizes and rates are {@code null} when the publisher left them out.
 *
 * @param codec       WebCodecs codec string, e.g. {@code avc1.64001f}
 * @param container   container kind (see {@link AudioRendition#container()})
 * @param codedWidth  pixels, or {@code null}
 * @param codedHeight pixels, or {@code null}
 * @param framerate   frames per second, or {@code null}
 * @param bitrate     bits per second, or {@code null}
 * @param description hex codec description, or {@code null}
 */
public record VideoRendition(String codec, String container, Integer codedWidth, Integer codedHeight,
                             Double framerate, Long bitrate, String description) {
}
