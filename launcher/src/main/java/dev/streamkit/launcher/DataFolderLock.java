package dev.streamkit.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the data folder ({@code <data>/skit.lock}) for the life of the process, so that two
 * servers never share (or rebuild) one bundle cache. The operating system releases it when the process
 * ends, however it ends ({@code kill -9} included), and a copied folder carries no lock.
 */
final class DataFolderLock {

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock. @throws IllegalStateException naming the folder when another process holds it */
    static DataFolderLock acquire(Path dataFolder) throws IOException {
        Path file = dataFolder.resolve("skit.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another skit server is running with the data folder " + dataFolder
                    + " (" + file + " is locked); stop it, or give this one its own folder (-Dskit.data=...)");
        }
        return new DataFolderLock(channel, lock);
    }

    /** Releases the lock (the process ending releases it too). */
    void release() throws IOException {
        lock.release();
        channel.close();
    }
}
