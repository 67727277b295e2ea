package dev.streamkit.config;

import java.net.InetSocketAddress;

/** Parses the {@code host:port} and {@code [v6]:port} addresses of the configuration. */
public final class HostPort {

    private HostPort() {
    }

    /**
     * An unresolved address; {@code key} names the setting in the error of a malformed value (no port, a port
     * that is not a number or outside 0..65535).
     */
    public static InetSocketAddress parse(String key, String address) {
        int colon = address == null ? -1 : address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException(key + " must be host:port, got '" + address + "'");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in " + key + " '" + address + "'");
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range in '" + address + "'");
        return InetSocketAddress.createUnresolved(host, port);
    }
}
