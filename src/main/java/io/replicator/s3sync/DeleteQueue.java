package io.replicator.s3sync;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys to delete, held until the listings are complete and every copy succeeded. The first
 * {@value #IN_MEMORY} stay in memory, the rest spill to a temporary file, so a run that deletes
 * millions of objects does not hold them all on the heap. A counting-only queue (dry run, check)
 * stores nothing and writes nothing.
 */
final class DeleteQueue implements AutoCloseable {
    static final int IN_MEMORY = 10_000;

    record Item(String key, long size) {
    }

    private final boolean store;
    private final List<Item> memory = new ArrayList<>();
    private Path spillFile;
    private DataOutputStream spill;
    private long count;
    private long bytes;

    private DeleteQueue(boolean store) {
        this.store = store;
    }

    static DeleteQueue storing() {
        return new DeleteQueue(true);
    }

    static DeleteQueue countingOnly() {
        return new DeleteQueue(false);
    }

    void add(String key, long size) {
        count++;
        bytes += size;
        if (!store) {
            return;
        }
        if (memory.size() < IN_MEMORY) {
            memory.add(new Item(key, size));
            return;
        }
        try {
            if (spill == null) {
                spillFile = Files.createTempFile("replicator-deletes", ".bin");
                spill = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spillFile)));
            }
            spill.writeUTF(key); // modified UTF-8 round-trips any Java string; S3 keys are <= 1024 bytes
            spill.writeLong(size);
        } catch (IOException e) {
            throw new UncheckedIOException("spilling the delete list to a temporary file failed", e);
        }
    }

    long count() {
        return count;
    }

    long bytes() {
        return bytes;
    }

    /** Hands the queued items to {@code consumer} in batches of at most {@code batchSize}; can be repeated. */
    void forEachBatch(int batchSize, java.util.function.Consumer<List<Item>> consumer) throws IOException {
        if (!store) {
            throw new IllegalStateException("a counting-only delete queue has no keys");
        }
        List<Item> batch = new ArrayList<>(batchSize);
        for (Item i : memory) {
            batch = addTo(batch, i, batchSize, consumer);
        }
        if (spill != null) {
            spill.close();
            spill = null;
        }
        if (spillFile != null) { // read again on every call: the keep phase walks the queue before the deletes
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spillFile)))) {
                while (true) {
                    String key;
                    try {
                        key = in.readUTF();
                    } catch (EOFException end) {
                        break;
                    }
                    batch = addTo(batch, new Item(key, in.readLong()), batchSize, consumer);
                }
            }
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }

    private static List<Item> addTo(List<Item> batch, Item i, int size, java.util.function.Consumer<List<Item>> c) {
        batch.add(i);
        if (batch.size() == size) {
            c.accept(batch);
            return new ArrayList<>(size);
        }
        return batch;
    }

    @Override
    public void close() throws IOException {
        if (spill != null) {
            spill.close();
        }
        if (spillFile != null) {
            Files.deleteIfExists(spillFile);
        }
    }
}
