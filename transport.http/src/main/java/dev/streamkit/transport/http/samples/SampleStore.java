package dev.streamkit.transport.http.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.PipelineYaml;
import dev.streamkit.transport.http.files.StagedFiles;
import dev.streamkit.transport.http.files.FileCaller;
import dev.streamkit.transport.http.files.FileOwners;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sample pipelines under {@code [server].samples_dir} (spec §4.2): system samples in {@code oneshot/},
 * {@code dynamic/} and {@code demo/}, user samples in {@code user/}; {@code .yml}/{@code .yaml} files of at
 * most {@value #MAX_YAML_BYTES} bytes. Ids are {@code <subdir>/<base>} or a bare base name; every id is
 * validated and its file must resolve (symlinks included) inside the samples directory.
 */
public final class SampleStore {

    /** Largest sample file, in bytes. */
    public static final int MAX_YAML_BYTES = PipelineYaml.MAX_BYTES;
    static final String USER = "user";
    static final List<String> DIRS = List.of("oneshot", "dynamic", "demo", USER);
    private static final List<String> EXTENSIONS = List.of(".yml", ".yaml");
    private static final Pattern BASE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,199}");
    /** Overwriting saves write {@code user/.save-<random>.tmp} first. */
    private static final StagedFiles SAVES = new StagedFiles(".save-", ".tmp");

    /** The refusal of a delete or overwrite by a role that did not save the sample. */
    public static final String NOT_OWNER = "Permission denied: you do not own this sample";

    private final Path root;
    private volatile YAMLMapper yaml;

    /**
     * Reads and lists take the caller's {@code allowed_samples} filter, applied to file paths relative to
     * {@code root} (e.g. {@code oneshot/double_volume.yml}): a sample it refuses does not exist for that caller.
     * Construct it before any save starts: it removes the temporary files that saves killed midway left in
     * {@code user/}.
     *
     * @param root the samples directory
     */
    public SampleStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        SAVES.removeLeftovers(this.root.resolve(USER));
    }

    /** The YAML writer, built on first use to keep server start-up lean; reading goes through {@link PipelineYaml}. */
    private YAMLMapper yaml() {
        YAMLMapper mapper = yaml;
        if (mapper == null) {
            YAMLFactory factory = YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
            mapper = new YAMLMapper(factory);
            yaml = mapper;
        }
        return mapper;
    }

    /** Every readable sample whose mode is {@code mode} ({@code oneshot} or {@code dynamic}), by folder then file. */
    public List<SamplePipeline> list(String mode, Predicate<String> allowed) throws IOException {
        List<SamplePipeline> samples = new ArrayList<>();
        for (String dir : DIRS) {
            Path folder = root.resolve(dir);
            if (!Files.isDirectory(folder)) continue;
            List<Path> files;
            try (Stream<Path> entries = Files.list(folder)) {
                files = entries.filter(SampleStore::hasSampleExtension).sorted().toList();
            }
            for (Path file : files) {
                Optional<SamplePipeline> sample = read(dir, file, allowed);
                if (sample.isPresent() && sample.get().mode().equals(mode)) samples.add(sample.get());
            }
        }
        return samples;
    }

    /** The sample with {@code id}; 400 for a malformed id. */
    public Optional<SamplePipeline> find(String id, Predicate<String> allowed) throws SampleException, IOException {
        for (Path candidate : candidates(id)) {
            Optional<SamplePipeline> sample = read(candidate.getParent().getFileName().toString(), candidate, allowed);
            if (sample.isPresent()) return sample;
        }
        return Optional.empty();
    }

    /** {@link #save(String, String, String, boolean, boolean, FileCaller)} recording no owner. */
    public SamplePipeline save(String name, String description, String text, boolean overwrite, boolean fragment)
            throws SampleException, IOException {
        return save(name, description, text, overwrite, fragment, FileCaller.ANYONE);
    }

    /**
     * Writes {@code user/<sanitized name>.yml}, owned by {@code caller} ({@link FileOwners}): 400 for an empty
     * name or invalid YAML, 413 above the size limit, 409 when it exists and {@code overwrite} is false, 403
     * when it exists and {@code caller} may not replace it. Unless {@code fragment}, the YAML must be a
     * mapping and gets {@code name}/{@code description} injected at the top (leading comments are kept).
     */
    public SamplePipeline save(String name, String description, String text, boolean overwrite, boolean fragment,
                               FileCaller caller) throws SampleException, IOException {
        String base = sanitizeName(name);
        if (base.isEmpty()) throw new SampleException(400, "Invalid sample name: must contain letters or digits");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_YAML_BYTES) {
            throw new SampleException(413, "Pipeline YAML is larger than " + MAX_YAML_BYTES + " bytes");
        }
        JsonNode tree;
        try {
            tree = PipelineYaml.read(text);
        } catch (PipelineException e) {
            throw new SampleException(e.status(), e.status() == 400 ? "Invalid YAML: " + e.getMessage() : e.getMessage());
        }
        if (!fragment) {
            if (tree == null || !tree.isObject()) throw new SampleException(400, "Invalid YAML: expected a mapping");
            ObjectNode document = yaml().createObjectNode();
            document.put("name", name.trim());
            String trimmed = description == null ? "" : description.trim();
            if (!trimmed.isEmpty()) document.put("description", trimmed);
            tree.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("name") && !field.getKey().equals("description")) {
                    document.set(field.getKey(), field.getValue());
                }
            });
            text = leadingComments(text) + yaml().writeValueAsString(document);
            bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_YAML_BYTES) {
                throw new SampleException(413, "Pipeline YAML is larger than " + MAX_YAML_BYTES + " bytes");
            }
        }
        Path folder = root.resolve(USER);
        Files.createDirectories(folder);
        Path target = folder.resolve(base + ".yml");
        String conflict = "Sample '" + USER + "/" + base + "' already exists";
        if (overwrite) {
            if (Files.exists(target) && !FileOwners.mayChange(target, caller)) throw new SampleException(403, NOT_OWNER);
            Path temp = SAVES.create(folder);
            try {
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } else {
            if (Files.exists(folder.resolve(base + ".yaml"))) throw new SampleException(409, conflict);
            try {
                Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                throw new SampleException(409, conflict);
            }
        }
        FileOwners.record(target, caller);
        return read(USER, target, path -> true).orElseThrow(() -> new IOException("Saved sample cannot be read back"));
    }

    /** {@link #delete(String, Predicate, FileCaller)} by a caller who may delete any user sample. */
    public void delete(String id, Predicate<String> allowed) throws SampleException, IOException {
        delete(id, allowed, FileCaller.ANYONE);
    }

    /**
     * Deletes a {@code user/...} sample: 400 malformed id, 403 not a user id or a sample {@code caller} does not
     * own, 404 missing or not allowed.
     */
    public void delete(String id, Predicate<String> allowed, FileCaller caller) throws SampleException, IOException {
        List<Path> candidates = candidates(id);
        if (!id.startsWith(USER + "/")) throw new SampleException(403, "Only user samples can be deleted");
        for (Path candidate : candidates) {
            if (!allowed.test(USER + "/" + candidate.getFileName()) || !Files.exists(candidate)) continue;
            if (!FileOwners.mayChange(candidate, caller)) throw new SampleException(403, NOT_OWNER);
            if (Files.deleteIfExists(candidate)) {
                FileOwners.forget(candidate);
                return;
            }
        }
        throw new SampleException(404, "Sample '" + id + "' not found");
    }

    /** Lower-cases {@code name} and maps runs of other characters than {@code [a-z0-9_-]} to one {@code _}. */
    static String sanitizeName(String name) {
        if (name == null) return "";
        String lower = name.trim().toLowerCase(Locale.ROOT);
        String mapped = lower.replaceAll("[^a-z0-9_-]+", "_").replaceAll("^[_-]+|[_-]+$", "");
        return mapped.length() > 100 ? mapped.substring(0, 100) : mapped;
    }

    /** {@code voice_agent-demo} → {@code Voice Agent Demo}. */
    static String titleCase(String base) {
        StringBuilder title = new StringBuilder();
        for (String word : base.split("[_\\- ]+")) {
            if (word.isEmpty()) continue;
            if (title.length() > 0) title.append(' ');
            title.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return title.toString();
    }

    /** The existing files {@code id} may name, in lookup order; 400 when the id is malformed or escapes. */
    List<Path> candidates(String id) throws SampleException, IOException {
        SampleException invalid = new SampleException(400, "Invalid sample id");
        if (id == null || id.length() > 300) throw invalid;
        int slash = id.indexOf('/');
        List<String> dirs = slash < 0 ? DIRS : List.of(id.substring(0, slash));
        String base = slash < 0 ? id : id.substring(slash + 1);
        if (!DIRS.containsAll(dirs) || !BASE.matcher(base).matches()) throw invalid;
        List<String> extensions = EXTENSIONS;
        for (String extension : EXTENSIONS) {
            if (base.endsWith(extension)) {
                base = base.substring(0, base.length() - extension.length());
                extensions = List.of(extension);
            }
        }
        List<Path> found = new ArrayList<>();
        for (String dir : dirs) {
            for (String extension : extensions) {
                Path file = root.resolve(dir).resolve(base + extension).normalize();
                if (!file.startsWith(root)) throw invalid;
                if (Files.isRegularFile(file) && inside(file)) found.add(file);
            }
        }
        return found;
    }

    private Optional<SamplePipeline> read(String dir, Path file, Predicate<String> allowed) throws IOException {
        String relative = dir + "/" + file.getFileName();
        if (!Files.isRegularFile(file) || !inside(file) || Files.size(file) > MAX_YAML_BYTES || !allowed.test(relative)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String fileName = file.getFileName().toString();
        String base = fileName.substring(0, fileName.lastIndexOf('.'));
        String fallback = titleCase(base);
        String name = fallback;
        String description = "";
        String mode = "dynamic";
        try {
            JsonNode tree = PipelineYaml.read(text);
            if (tree != null && tree.isObject()) {
                if (tree.path("name").isTextual() && !tree.path("name").asText().isBlank()) name = tree.path("name").asText();
                if (tree.path("description").isTextual()) description = tree.path("description").asText();
                if ("oneshot".equals(tree.path("mode").asText())) mode = "oneshot";
            }
        } catch (PipelineException e) {
            // Unparseable samples are still listed, with the fallback metadata.
        }
        boolean fragment = name.equals(fallback) && description.isEmpty();
        return Optional.of(new SamplePipeline(dir + "/" + base, name, description, text, !dir.equals(USER), mode, fragment));
    }

    private boolean inside(Path file) throws IOException {
        return file.toRealPath().startsWith(root.toRealPath());
    }

    private static boolean hasSampleExtension(Path file) {
        String name = file.getFileName().toString();
        return EXTENSIONS.stream().anyMatch(name::endsWith) && BASE.matcher(name).matches();
    }

    private static String leadingComments(String text) {
        StringBuilder comments = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("#")) break;
            comments.append(line).append('\n');
        }
        return comments.toString();
    }
}
