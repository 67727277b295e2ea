package dev.streamkit.security;

import dev.streamkit.config.ServerConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * StreamKit's start-up rule: without authentication, a server reachable from other machines must take
 * roles from a trusted proxy header. A non-loopback listen address without {@code [permissions].role_header}
 * is refused unless {@code [permissions].allow_insecure_no_auth = true}.
 */
public final class ExposureCheck {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ExposureCheck() {
    }

    /**
     * Why the server must not start on {@code host}, or {@code null} when it may.
     *
     * @param host the listen host ({@code 127.0.0.1}, {@code ::1}, {@code 0.0.0.0}, a name...)
     */
    public static String refusal(String host, ServerConfig.Permissions config) {
        boolean roleHeader = config.roleHeader != null && !config.roleHeader.isBlank();
        if (roleHeader || config.allowInsecureNoAuth || isLoopback(host)) return null;
        return "Refusing to listen on non-loopback address '" + host + "' without authentication: every request would act"
                + " as one role (SK_ROLE, else '" + config.defaultRole + "'). Put StreamKit behind an authenticating proxy and set"
                + " [permissions].role_header, or set [permissions].allow_insecure_no_auth = true to accept the risk.";
    }

    /** Whether {@code host} only ever means this machine; names must resolve to loopback addresses only. */
    public static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) return true;
        if (IPV4.matcher(bare).matches()) return bare.startsWith("127.");
        if (bare.contains(":")) return bare.equals("::1") || bare.toLowerCase(Locale.ROOT).equals("0:0:0:0:0:0:0:1");
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (!address.isLoopbackAddress()) return false;
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
