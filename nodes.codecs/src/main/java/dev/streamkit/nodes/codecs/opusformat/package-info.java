/** Opus framing shared by the containers: packet durations from the TOC byte and the OpusHead header. */
package dev.streamkit.nodes.codecs.opusformat;
