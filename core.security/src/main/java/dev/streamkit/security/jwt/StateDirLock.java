package dev.streamkit.security.jwt;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes the read-modify-write steps on one auth state directory exclusive across threads and across
 * processes: the server and {@code skit auth rotate-key} may both write {@code tokens.json}, {@code jwks.json}
 * and {@code auth.jwk}. Within a JVM a reentrant lock per directory serialises threads (a nested hold is
 * free); across processes an advisory lock on the directory's {@value #FILE} file does, taken by the
 * outermost hold only. Waiting is bounded by {@link #WAIT}; past it the action fails instead of hanging.
 */
final class StateDirLock {

    static final String FILE = ".lock";
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final long RETRY_MILLIS = 20;
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** An action on the state directory's files. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws IOException;
    }

    private StateDirLock() {
    }

    /** Runs {@code action} holding {@code dir}'s lock, waiting at most {@link #WAIT} for it. */
    static <T> T holding(Path dir, Action<T> action) throws IOException {
        return holding(dir, WAIT, action);
    }

    /** Runs {@code action} holding {@code dir}'s lock, waiting at most {@code wait} for it. */
    static <T> T holding(Path dir, Duration wait, Action<T> action) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, ignored -> new ReentrantLock());
        try {
            if (!local.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) throw busy(key, "another thread", wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted waiting for the lock on " + key, e);
        }
        try {
            if (local.getHoldCount() > 1) return action.run();
            try (FileChannel channel = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = acquire(channel, key, wait)) {
                return action.run();
            }
        } finally {
            local.unlock();
        }
    }

    private static FileLock acquire(FileChannel channel, Path dir, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (long attempt = 0; attempt <= wait.toMillis() / RETRY_MILLIS; attempt++) {
            FileLock lock = channel.tryLock();
            if (lock != null) return lock;
            if (System.nanoTime() > deadline) break;
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted waiting for the lock on " + dir, e);
            }
        }
        throw busy(dir, "another process (a server or skit auth)", wait);
    }

    private static IOException busy(Path dir, String holder, Duration wait) {
        return new IOException("The auth state directory " + dir + " stayed locked by " + holder + " for " + wait.toMillis() + " ms");
    }
}
