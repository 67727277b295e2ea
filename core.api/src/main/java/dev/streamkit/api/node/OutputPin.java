package dev.streamkit.api.node;

import dev.streamkit.api.packet.PacketType;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An output of a node: its name, the packet type it produces, and its cardinality (usually broadcast).
 *
 * <p>A name containing {@code *} declares a <em>family</em> of broadcast outputs ({@link #family}) rather than
 * one pin: a node whose outputs are only known once it runs (tracks a remote catalog advertises) declares
 * {@code *}{@code /*}, and a connection may then name any pin the pattern admits ({@code audio/data}). Such a
 * pin exists once connected; a node sending on a name nothing is connected to sends to no one.
 */
public record OutputPin(String name, PacketType producesType, Cardinality cardinality) {

    /** The character that stands, in a family's name, for one or more characters other than {@code /}. */
    public static final char WILDCARD = '*';

    public OutputPin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(producesType, "producesType");
        Objects.requireNonNull(cardinality, "cardinality");
    }

    /** A broadcast output named {@code name}. */
    public static OutputPin broadcast(String name, PacketType type) {
        return new OutputPin(name, type, Cardinality.BROADCAST);
    }

    /**
     * A family of broadcast outputs, each producing {@code type}, whose names match {@code pattern}: in it
     * {@value #WILDCARD} stands for one or more characters other than {@code /} and {@value #WILDCARD}, and
     * every other character for itself ({@code *}{@code /*} admits {@code audio/data}, {@code cam/*}{@code /*}
     * admits {@code cam/video/hd}). Since 1.3.
     *
     * @throws IllegalArgumentException when {@code pattern} has no {@value #WILDCARD}
     */
    public static OutputPin family(String pattern, PacketType type) {
        if (pattern.indexOf(WILDCARD) < 0) {
            throw new IllegalArgumentException("a pin family's pattern needs a '" + WILDCARD + "': " + pattern);
        }
        return broadcast(pattern, type);
    }

    /** Whether this pin is a family ({@link #family}): its name is a pattern. Since 1.3. */
    public boolean isFamily() {
        return name.indexOf(WILDCARD) >= 0;
    }

    /**
     * Whether a connection naming {@code pinName} means this pin: the same name, or for a family a name its
     * pattern matches. Since 1.3.
     */
    public boolean admits(String pinName) {
        if (name.equals(pinName)) return !isFamily();
        return isFamily() && familyRegex(name).matcher(pinName).matches();
    }

    private static Pattern familyRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int at = pattern.indexOf(WILDCARD); at >= 0; at = pattern.indexOf(WILDCARD, start)) {
            if (at > start) regex.append(Pattern.quote(pattern.substring(start, at)));
            regex.append("[^/*]+");
            start = at + 1;
        }
        if (start < pattern.length()) regex.append(Pattern.quote(pattern.substring(start)));
        return Pattern.compile(regex.toString());
    }
}
