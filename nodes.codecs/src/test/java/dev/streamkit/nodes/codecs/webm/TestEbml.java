package dev.streamkit.nodes.codecs.webm;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal EBML reader for tests: walks elements at one level. An element of unknown size is returned
 * with no data, so its children (up to the next sibling master) appear as the following elements.
 */
final class TestEbml {

    /** One element: its ID, where its data starts and how long the data is. */
    record Element(int id, int dataOffset, int dataLength) {
    }

    private TestEbml() {
    }

    /** Elements between {@code from} and {@code to}. */
    static List<Element> children(byte[] b, int from, int to) {
        List<Element> out = new ArrayList<>();
        int at = from;
        while (at < to) {
            int idLength = Integer.numberOfLeadingZeros(b[at] & 0xFF) - 23;
            int id = 0;
            for (int i = 0; i < idLength; i++) id = id << 8 | (b[at + i] & 0xFF);
            at += idLength;
            int sizeLength = Integer.numberOfLeadingZeros(b[at] & 0xFF) - 23;
            long size = b[at] & 0xFF & (0xFF >> sizeLength);
            boolean unknown = size == (0xFF >> sizeLength);
            for (int i = 1; i < sizeLength; i++) {
                size = size << 8 | (b[at + i] & 0xFF);
                unknown &= (b[at + i] & 0xFF) == 0xFF;
            }
            at += sizeLength;
            int length = unknown ? 0 : (int) size;
            out.add(new Element(id, at, length));
            at += length;
        }
        return out;
    }

    static long uint(byte[] b, Element e) {
        long v = 0;
        for (int i = 0; i < e.dataLength(); i++) v = v << 8 | (b[e.dataOffset() + i] & 0xFF);
        return v;
    }

    static Element find(List<Element> elements, int id) {
        return elements.stream().filter(e -> e.id() == id).findFirst().orElseThrow(() -> new AssertionError(
                "no element " + Integer.toHexString(id)));
    }
}
