package dev.streamkit.security.auth;

/** The host part of a configured listen address ({@code host:port}, {@code [v6]:port}). */
public final class ListenHost {

    private ListenHost() {
    }

    /** {@code 0.0.0.0} of {@code 0.0.0.0:4545}, {@code [::]} of {@code [::]:4545}; a bare host is returned as is. */
    public static String of(String address) {
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            return close < 0 ? address : address.substring(0, close + 1);
        }
        int colon = address.lastIndexOf(':');
        return colon < 0 ? address : address.substring(0, colon);
    }
}
