package dev.streamkit.transport.http3.osgi;

/** Splits {@code host:port} and {@code [v6]:port} configuration addresses. */
final class HostPort {

    private HostPort() {
    }

    /** Returns {@code {host, port}}; the port is checked to be 0..65535. */
    static String[] split(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("server.http3_address must be host:port, got '" + address + "'");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in server.http3_address '" + address + "'");
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range in '" + address + "'");
        return new String[] {host, Integer.toString(port)};
    }
}
