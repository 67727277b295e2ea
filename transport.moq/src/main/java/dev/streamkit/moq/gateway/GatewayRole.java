package dev.streamkit.moq.gateway;

/** Which of a peer's three routes a connection came in on, and so what it may do there. */
public enum GatewayRole {

    /** {@code {gateway_path}}: publishes the input broadcast and watches the output one (StreamKit's web UI). */
    PEER(""),
    /** {@code {gateway_path}/input}: publishes the input broadcast only; one at a time. */
    PUBLISHER("/input"),
    /** {@code {gateway_path}/output}: watches the output broadcast only; any number up to the gateway's cap. */
    SUBSCRIBER("/output");

    private final String suffix;

    GatewayRole(String suffix) {
        this.suffix = suffix;
    }

    /** The route of this role under {@code basePath} (a normalised gateway path). */
    public String pathUnder(String basePath) {
        if (suffix.isEmpty()) return basePath;
        return "/".equals(basePath) ? suffix : basePath + suffix;
    }
}
