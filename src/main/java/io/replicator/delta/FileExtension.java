package io.replicator.delta;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Extends a new file over a trailing hole. FileChannel cannot grow a file without writing, and
 * RandomAccessFile.setLength (ftruncate) needs a java.io.File, which holds a String: for a name
 * that is not valid in the platform encoding that String names another file. Such a file gets its
 * last byte written instead (as rsync does where it has no ftruncate): one block, not a hole.
 */
public final class FileExtension {
    private FileExtension() {
    }

    public static void extend(FileChannel channel, Path path, long length) throws IOException {
        if (channel.size() >= length) {
            return;
        }
        File f = path.toFile();
        if (f.toPath().equals(path)) {
            try (RandomAccessFile r = new RandomAccessFile(f, "rw")) {
                r.setLength(length);
            }
        } else {
            ByteBuffer zero = ByteBuffer.allocate(1);
            while (zero.hasRemaining()) {
                channel.write(zero, length - 1);
            }
        }
    }
}
