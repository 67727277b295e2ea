package dev.streamkit.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.Base64;

/**
 * Hands a loaded {@link ServerConfig} from the launcher to the runtime as a string (a framework
 * property), so the file is parsed once, before the framework starts, and the runtime does not load a
 * TOML parser on its start-up path. The launcher and the bundle load {@code ServerConfig} from the same
 * jar through different class loaders; decoding resolves classes through this bundle's loader and
 * accepts only configuration, collection, string and number classes.
 */
public final class ConfigHandoff {

    private static final ObjectInputFilter ONLY_CONFIG_VALUES = ObjectInputFilter.Config.createFilter(
            "dev.streamkit.config.*;java.util.ArrayList;java.util.CollSer;java.util.LinkedHashMap;java.util.HashMap;java.lang.String;"
                    + "java.lang.Number;java.lang.Integer;java.lang.Long;java.lang.Double;java.lang.Boolean;"
                    + "java.math.BigInteger;java.math.BigDecimal;java.lang.Object;java.util.Map$Entry;maxarray=10000;maxdepth=20;maxrefs=10000;maxbytes=1048576;!*");

    private ConfigHandoff() {
    }

    /** Encodes {@code config} as a base64 string. */
    public static String encode(ServerConfig config) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        } catch (IOException e) {
            throw new IllegalStateException("configuration must serialize", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** Decodes a string made by {@link #encode}. */
    public static ServerConfig decode(String encoded) throws ConfigException {
        try (ObjectInputStream in = new LocalObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(encoded)))) {
            in.setObjectInputFilter(ONLY_CONFIG_VALUES);
            return (ServerConfig) in.readObject();
        } catch (IOException | ClassNotFoundException | IllegalArgumentException | ClassCastException e) {
            throw new ConfigException("Cannot decode the configuration handed over by the launcher: " + e, e);
        }
    }

    /** Resolves classes through the loader of this package (the bundle's), not the caller's. */
    private static final class LocalObjectInputStream extends ObjectInputStream {
        LocalObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(description.getName(), false, ServerConfig.class.getClassLoader());
            } catch (ClassNotFoundException notOurs) {
                if (description.getName().startsWith("dev.streamkit.")) throw new InvalidClassException(description.getName());
                return super.resolveClass(description);
            }
        }
    }
}
