package dev.streamkit.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole server configuration, one public field per {@code skit.toml} section. Field names map to
 * snake_case keys ({@code maxBodySize} is {@code max_body_size}). A freshly constructed instance holds
 * the embedded defaults; {@link ConfigLoader} overlays the file and the environment.
 *
 * <p>Serializable so that the launcher can hand the configuration it loaded to the runtime
 * ({@link ConfigHandoff}). Instances are mutable only while loading; components receive them through the OSGi service
 * registry and must treat them as read-only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ServerConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    public Server server = new Server();
    public Plugins plugins = new Plugins();
    public Resources resources = new Resources();
    public Permissions permissions = new Permissions();
    public Security security = new Security();
    public Script script = new Script();
    public Engine engine = new Engine();
    public Log log = new Log();
    public Telemetry telemetry = new Telemetry();
    public Auth auth = new Auth();

    /** {@code [server]}: listeners, limits and paths. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Server implements Serializable {

    private static final long serialVersionUID = 1L;
        /** TCP address for HTTP/1.1, HTTP/2 (cleartext) and WebSocket; UDP on the same port is for MoQ. */
        public String address = "127.0.0.1:4545";
        /** UDP address for HTTP/3; unset = no HTTP/3 (UDP on the main port belongs to WebTransport). */
        public String http3Address;
        public boolean tls = false;
        public String certPath = "";
        public String keyPath = "";
        public String samplesDir = "./samples/pipelines";
        public long maxBodySize = 104_857_600L;
        public String basePath;
        public String moqGatewayUrl;
        /** Directory of a web UI to serve at {@code /} (single-page app: unknown routes get index.html); unset = none. */
        public String uiDir;
        public String moqAddress = "127.0.0.1:4545";
        /** StreamKit/J: WebTransport (MoQ) on UDP at {@code address}'s host and port; false = no UDP listener. */
        public boolean moqEnabled = true;
        /** StreamKit/J, slow clients: a request header (HTTP/1 or HTTP/2) must be complete this long after its first byte. */
        public double requestHeaderTimeoutSecs = 10;
        /** StreamKit/J, slow clients: how long a request body or a WebSocket frame may arrive before its rate is judged. */
        public double requestBodyGraceSecs = 10;
        /** StreamKit/J, slow clients: the least average rate, bytes per second, of a body or frame past its grace. */
        public long minRequestBodyRate = 128;
        /** StreamKit/J, slow clients: the longest silence inside an HTTP/1 request body (then 408). */
        public double requestBodyIdleTimeoutSecs = 10;
        public Cors cors = new Cors();
    }

    /** {@code [server.cors]}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Cors implements Serializable {

    private static final long serialVersionUID = 1L;
        public List<String> allowedOrigins = new ArrayList<>(List.of(
                "http://localhost", "https://localhost", "http://localhost:*", "https://localhost:*",
                "http://127.0.0.1", "https://127.0.0.1", "http://127.0.0.1:*", "https://127.0.0.1:*"));
    }

    /** {@code [plugins]}: the hot-deploy folder and HTTP management switch. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Plugins implements Serializable {

    private static final long serialVersionUID = 1L;
        public String directory = ".plugins";
        public boolean allowHttpManagement = false;
        /**
         * StreamKit/J: seconds a running node whose plugin bundle left waits for a successor of its kind
         * (an upgrade through {@code deploy/}) before it fails.
         */
        public double upgradeGraceSecs = 5;
    }

    /** {@code [resources]}: model cache policy. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Resources implements Serializable {

    private static final long serialVersionUID = 1L;
        public boolean keepModelsLoaded = true;
        public Long maxMemoryMb;
    }

    /** {@code [permissions]}: role resolution, roles and concurrency limits. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Permissions implements Serializable {

    private static final long serialVersionUID = 1L;
        public String defaultRole = "admin";
        /** Trusted request header naming the caller's role (set by an authenticating proxy); unset = ignored. */
        public String roleHeader;
        /** Lets a non-loopback {@code server.address} start without {@code role_header}. */
        public boolean allowInsecureNoAuth = false;
        public Integer maxConcurrentSessions;
        public Integer maxConcurrentOneshots;
        /**
         * {@code [permissions.roles.<name>]}: roles by name. Empty = StreamKit's built-in {@code admin} and
         * {@code user}; a configured role replaces the built-in of the same name, others are added. Omitted
         * (so not printed by {@code skit config default}) while empty.
         */
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public Map<String, RolePermissions> roles = new LinkedHashMap<>();
    }

    /**
     * {@code [permissions.roles.<name>]}: what one role may do. Omitted booleans are false and omitted
     * allowlists empty (deny all); allowlists are globs ({@code "*"} allows all, {@code "audio::*"}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class RolePermissions implements Serializable {

    private static final long serialVersionUID = 1L;
        public boolean createSessions;
        public boolean destroySessions;
        public boolean listSessions;
        public boolean modifySessions;
        public boolean tuneNodes;
        public boolean loadPlugins;
        public boolean deletePlugins;
        public boolean listNodes;
        public boolean listSamples;
        public boolean readSamples;
        public boolean writeSamples;
        public boolean deleteSamples;
        public boolean accessAllSessions;
        public boolean uploadAssets;
        public boolean deleteAssets;
        /** Sample paths relative to {@code server.samples_dir}, e.g. {@code oneshot/*.yml}. */
        public List<String> allowedSamples = new ArrayList<>();
        /** Node kinds, e.g. {@code audio::*}. */
        public List<String> allowedNodes = new ArrayList<>();
        /** Plugin node kinds, e.g. {@code plugin::*}. */
        public List<String> allowedPlugins = new ArrayList<>();
        /** Asset paths, e.g. {@code samples/audio/system/*}. */
        public List<String> allowedAssets = new ArrayList<>();
        /** StreamKit/J: dynamic sessions this role may have at once (unset: only the global cap). */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public Integer maxConcurrentSessions;
        /** StreamKit/J: oneshot requests this role may have in flight at once (unset: only the global cap). */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public Integer maxConcurrentOneshots;
    }

    /** {@code [security]}: file-path allowlists (globs, relative ones joined to the working directory). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Security implements Serializable {

    private static final long serialVersionUID = 1L;
        public List<String> allowedFilePaths = new ArrayList<>(List.of("samples/**"));
        public List<String> allowedWritePaths = new ArrayList<>();
    }

    /** {@code [script]}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Script implements Serializable {

    private static final long serialVersionUID = 1L;
        public long defaultTimeoutMs = 100;
        public long defaultMemoryLimitMb = 64;
    }

    /** {@code [engine]}: buffer sizes and batch sizes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Engine implements Serializable {

    private static final long serialVersionUID = 1L;
        /** {@code low-latency}, {@code balanced} or {@code high-throughput}; unset = defaults. */
        public String profile;
        public int packetBatchSize = 32;
        public Integer nodeInputCapacity;
        public Integer pinDistributorCapacity;
        public Oneshot oneshot = new Oneshot();
        public Map<String, Object> advanced = new LinkedHashMap<>();
    }

    /** {@code [engine.oneshot]}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Oneshot implements Serializable {

    private static final long serialVersionUID = 1L;
        public int packetBatchSize = 32;
        public int mediaChannelCapacity = 256;
        public int ioChannelCapacity = 16;
        /** StreamKit/J: a oneshot request is cancelled after this many seconds. */
        public long requestTimeoutSecs = 600;
        /** StreamKit/J: how long a request waits for a free oneshot slot before 429. */
        public long queueTimeoutSecs = 10;
    }

    /** {@code [log]}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Log implements Serializable {

    private static final long serialVersionUID = 1L;
        public boolean consoleEnable = true;
        public String consoleLevel = "info";
        public boolean fileEnable = true;
        public String fileLevel = "info";
        public String filePath = "./skit.log";
        public String fileFormat = "text";
    }

    /** {@code [telemetry]}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Telemetry implements Serializable {

    private static final long serialVersionUID = 1L;
        public boolean enable = true;
        public String otlpEndpoint;
        public boolean tracingEnable = false;
    }

    /**
     * {@code [auth]}: built-in JWT authentication (StreamKit's {@code AuthConfig}). Not enforced yet: the
     * transports still resolve roles as {@link Permissions} describes.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Auth implements Serializable {

    private static final long serialVersionUID = 1L;
        /** {@code auto} (off on a loopback bind, on otherwise), {@code enabled} or {@code disabled}. */
        public String mode = "auto";
        /** Keys, the public JWKS, token metadata and the bootstrap admin token. */
        public String stateDir = ".streamkit/auth";
        public String cookieName = "skit_session";
        public long apiDefaultTtlSecs = 86_400;
        public long apiMaxTtlSecs = 2_592_000;
        public long moqDefaultTtlSecs = 3_600;
        public long moqMaxTtlSecs = 86_400;
        /** Gateway path prefixes whose WebTransport connections skip JWT checks. */
        public List<String> moqPublicPaths = new ArrayList<>();
    }
}
