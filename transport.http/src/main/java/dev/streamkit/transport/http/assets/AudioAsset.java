package dev.streamkit.transport.http.assets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * StreamKit's {@code AudioAsset}.
 *
 * @param id        the file name, e.g. {@code speech_generated.ogg} (what {@code DELETE /api/v1/assets/audio/{id}} takes)
 * @param name      the file name without its extension
 * @param path      the path relative to the working directory, e.g. {@code samples/audio/system/speech_generated.ogg},
 *                  usable as a {@code core::file_reader} path
 * @param format    the lower-case extension: opus, ogg, flac, mp3 or wav
 * @param sizeBytes the file size
 * @param license   the text of a sibling {@code <file>.license}, or {@code null}
 * @param isSystem  whether the asset lives in {@code system/} rather than {@code user/}
 */
public record AudioAsset(String id, String name, String path, String format,
                         @JsonProperty("size_bytes") long sizeBytes,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String license,
                         @JsonProperty("is_system") boolean isSystem) {
}
