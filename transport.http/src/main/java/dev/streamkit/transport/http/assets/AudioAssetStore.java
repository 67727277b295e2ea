package dev.streamkit.transport.http.assets;

import dev.streamkit.transport.http.files.StagedFiles;
import dev.streamkit.transport.http.files.FileCaller;
import dev.streamkit.transport.http.files.FileOwners;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The audio assets under {@code samples/audio} (relative to the working directory, as in StreamKit):
 * {@code system/} (read-only) and {@code user/} (uploads). Only {@code opus/ogg/flac/mp3/wav} files count; a
 * sibling {@code <file>.license} holds the asset's license text. Ids are plain file names, validated so that
 * they never leave their folder.
 */
public final class AudioAssetStore {

    /** Accepted extensions (lower case). */
    public static final Set<String> EXTENSIONS = Set.of("opus", "ogg", "flac", "mp3", "wav");
    static final int MAX_LICENSE_BYTES = 64 * 1024;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    /** Uploads stream into {@code user/.upload-<random>.part} first. */
    private static final StagedFiles UPLOADS = new StagedFiles(".upload-", ".part");

    /** The refusal of a delete by a role that did not upload the asset. */
    public static final String NOT_OWNER = "Permission denied: you do not own this asset";

    private final Path root;
    private final String displayRoot;

    /**
     * Lists and deletes take the caller's {@code allowed_assets} filter on {@link AudioAsset#path()}: an asset
     * it refuses does not exist for that caller. Construct it before any upload starts: it removes the
     * temporary files that uploads killed midway left in {@code user/}.
     *
     * @param root        the audio folder ({@code samples/audio})
     * @param displayRoot how {@code root} appears in {@link AudioAsset#path()} ({@code samples/audio})
     */
    public AudioAssetStore(Path root, String displayRoot) {
        this.root = root.toAbsolutePath().normalize();
        this.displayRoot = displayRoot;
        UPLOADS.removeLeftovers(this.root.resolve("user"));
    }

    /** The system assets, then the user assets, each sorted by file name, that {@code allowed} lets through. */
    public List<AudioAsset> list(Predicate<String> allowed) throws IOException {
        List<AudioAsset> assets = new ArrayList<>();
        for (String dir : List.of("system", "user")) {
            Path folder = root.resolve(dir);
            if (!Files.isDirectory(folder)) continue;
            List<Path> files;
            try (Stream<Path> entries = Files.list(folder)) {
                files = entries.filter(file -> extension(file.getFileName().toString()).isPresent()).sorted().toList();
            }
            for (Path file : files) {
                asset(dir, file).filter(asset -> allowed.test(asset.path())).ifPresent(assets::add);
            }
        }
        return assets;
    }

    /**
     * Whether a user asset would be refused before its upload starts: 400 for a bad name or extension,
     * 409 when it exists. Returns the sanitized file name.
     */
    public String checkUpload(String rawFileName) throws AssetException {
        String fileName = sanitizeFileName(rawFileName);
        if (Files.exists(root.resolve("user").resolve(fileName))) {
            throw new AssetException(409, "Asset '" + fileName + "' already exists");
        }
        return fileName;
    }

    /** {@link #save(String, InputStream, FileCaller)} recording no owner. */
    public AudioAsset save(String fileName, InputStream data) throws AssetException, IOException {
        return save(fileName, data, FileCaller.ANYONE);
    }

    /**
     * Streams {@code data} to {@code user/<fileName>} through a temporary file (removed on failure), owned by
     * {@code caller} ({@link FileOwners}); 409 when the name was taken meanwhile.
     */
    public AudioAsset save(String fileName, InputStream data, FileCaller caller) throws AssetException, IOException {
        fileName = checkUpload(fileName);
        Path folder = root.resolve("user");
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName);
        Path temp = UPLOADS.create(folder);
        try {
            Files.copy(data, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target);
        } catch (FileAlreadyExistsException e) {
            throw new AssetException(409, "Asset '" + fileName + "' already exists");
        } finally {
            Files.deleteIfExists(temp);
        }
        Files.deleteIfExists(folder.resolve(fileName + ".license"));
        FileOwners.record(target, caller);
        return asset("user", target).orElseThrow(() -> new IOException("Uploaded asset cannot be read back"));
    }

    /** Writes {@code license} next to the user asset {@code saved} (nothing when blank) and returns it re-read. */
    public AudioAsset withLicense(AudioAsset saved, String license) throws IOException {
        Path file = root.resolve("user").resolve(saved.id());
        if (license == null || license.isBlank()) return saved;
        Files.writeString(file.resolveSibling(saved.id() + ".license"), license.strip() + "\n", StandardCharsets.UTF_8);
        return asset("user", file).orElse(saved);
    }

    /** {@link #delete(String, Predicate, FileCaller)} by a caller who may delete any user asset. */
    public void delete(String id, Predicate<String> allowed) throws AssetException, IOException {
        delete(id, allowed, FileCaller.ANYONE);
    }

    /**
     * Deletes a user asset and its license: 400 malformed id, 403 system-only asset or one {@code caller} does
     * not own, 404 missing or not allowed.
     */
    public void delete(String id, Predicate<String> allowed, FileCaller caller) throws AssetException, IOException {
        if (id == null || !FILE_NAME.matcher(id).matches() || extension(id).isEmpty()) {
            throw new AssetException(400, "Invalid asset id");
        }
        Path file = root.resolve("user").resolve(id).normalize();
        if (!file.getParent().equals(root.resolve("user"))) throw new AssetException(400, "Invalid asset id");
        if (!allowed.test(displayRoot + "/user/" + id)) throw new AssetException(404, "Asset '" + id + "' not found");
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(root.resolve("system").resolve(id))) {
                throw new AssetException(403, "Only user assets can be deleted");
            }
            throw new AssetException(404, "Asset '" + id + "' not found");
        }
        if (!FileOwners.mayChange(file, caller)) throw new AssetException(403, NOT_OWNER);
        Files.delete(file);
        Files.deleteIfExists(file.resolveSibling(id + ".license"));
        FileOwners.forget(file);
    }

    /**
     * The last path segment of an uploaded file name, with characters other than {@code [A-Za-z0-9._-]}
     * mapped to {@code _}; 400 when empty or not an accepted audio extension.
     */
    static String sanitizeFileName(String raw) throws AssetException {
        if (raw == null || raw.isBlank()) throw new AssetException(400, "Missing file name");
        String last = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1).strip();
        String cleaned = last.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._-]+", "");
        if (cleaned.length() > 200) cleaned = cleaned.substring(cleaned.length() - 200);
        Optional<String> extension = extension(cleaned);
        if (extension.isEmpty()) {
            throw new AssetException(400, "Unsupported audio format; allowed extensions: opus, ogg, flac, mp3, wav");
        }
        if (cleaned.length() <= extension.get().length() + 1 || !FILE_NAME.matcher(cleaned).matches()) {
            throw new AssetException(400, "Invalid file name");
        }
        return cleaned;
    }

    private Optional<AudioAsset> asset(String dir, Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String path = displayRoot + "/" + dir + "/" + fileName;
        if (!FILE_NAME.matcher(fileName).matches() || !Files.isRegularFile(file)
                || !file.toRealPath().startsWith(root.toRealPath())) {
            return Optional.empty();
        }
        String format = extension(fileName).orElseThrow();
        String license = null;
        Path licenseFile = file.resolveSibling(fileName + ".license");
        if (Files.isRegularFile(licenseFile)) {
            try (InputStream in = Files.newInputStream(licenseFile)) {
                license = new String(in.readNBytes(MAX_LICENSE_BYTES), StandardCharsets.UTF_8).strip();
            }
        }
        String name = fileName.substring(0, fileName.length() - format.length() - 1);
        return Optional.of(new AudioAsset(fileName, name, path, format, Files.size(file), license, dir.equals("system")));
    }

    private static Optional<String> extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSIONS.contains(extension) ? Optional.of(extension) : Optional.empty();
    }
}
