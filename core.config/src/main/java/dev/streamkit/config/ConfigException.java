package dev.streamkit.config;

/** The configuration file or an environment override cannot be used; the message names the key. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
