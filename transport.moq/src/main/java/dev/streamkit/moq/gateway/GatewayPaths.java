package dev.streamkit.moq.gateway;

/** StreamKit's normalisation of a peer's {@code gateway_path}. */
public final class GatewayPaths {

    /** The path used when {@code gateway_path} is empty. */
    public static final String DEFAULT = "/moq";

    private GatewayPaths() {
    }

    /** Trimmed, empty meaning {@value #DEFAULT}, trailing slashes removed, a leading slash added. */
    public static String normalize(String path) {
        String trimmed = path == null ? "" : path.trim();
        if (trimmed.isEmpty()) trimmed = DEFAULT;
        int end = trimmed.length();
        while (end > 0 && trimmed.charAt(end - 1) == '/') end--;
        String withoutTrailing = trimmed.substring(0, end);
        if (withoutTrailing.isEmpty()) return "/";
        return withoutTrailing.startsWith("/") ? withoutTrailing : "/" + withoutTrailing;
    }
}
