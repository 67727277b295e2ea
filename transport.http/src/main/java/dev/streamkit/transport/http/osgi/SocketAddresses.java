package dev.streamkit.transport.http.osgi;

import java.net.InetSocketAddress;

/** Parses {@code host:port} and {@code [v6]:port} addresses from the configuration. */
final class SocketAddresses {

    private SocketAddresses() {
    }

    static InetSocketAddress parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("server.address must be host:port, got '" + address + "'");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port = Integer.parseInt(address.substring(colon + 1));
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range in '" + address + "'");
        return InetSocketAddress.createUnresolved(host, port);
    }
}
