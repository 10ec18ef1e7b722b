package io.replicator.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Datasets of the volume benchmark. Content is drawn from 16 byte values (4 bits of entropy per
 * byte, compresses to about 55 % like much real data), so compression (rsync -z, our zstd) matters
 * without dominating. Seeded: every run builds the same bytes.
 */
final class VolumeBenchData {
    private final Random random = new Random(20260601);

    /** (a) {@code files} files of {@code size} bytes in directories of 200. */
    void smallFiles(Path root, int files, int size) throws IOException {
        byte[] b = new byte[size];
        for (int i = 0; i < files; i++) {
            Path dir = root.resolve(String.format("d%03d", i / 200));
            if (i % 200 == 0) {
                Files.createDirectories(dir);
            }
            fill(b, b.length);
            Files.write(dir.resolve(String.format("f%05d.dat", i)), b);
        }
    }

    /** (b) {@code count} files of {@code size} bytes, written in 1 MiB chunks. */
    void largeFiles(Path root, int count, long size) throws IOException {
        Files.createDirectories(root);
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < count; i++) {
            try (var out = Files.newOutputStream(root.resolve("large-" + i + ".img"))) {
                for (long done = 0; done < size; done += chunk.length) {
                    int n = (int) Math.min(chunk.length, size - done);
                    fill(chunk, n);
                    out.write(chunk, 0, n);
                }
            }
        }
    }

    /** (c) for the small files: 64 bytes rewritten at a random offset in {@code percent} % of them. */
    int touchFiles(Path root, double percent) throws IOException {
        List<Path> all = new ArrayList<>();
        try (var s = Files.walk(root)) {
            s.filter(Files::isRegularFile).sorted().forEach(all::add);
        }
        Collections.shuffle(all, random);
        int n = (int) Math.round(all.size() * percent / 100);
        for (Path p : all.subList(0, n)) {
            patch(p, random.nextInt((int) Files.size(p) - 64), 64);
        }
        return n;
    }

    /** (c) for the large files: 64 bytes rewritten in {@code percent} % of rsync's blocks of each file. */
    int touchBlocks(Path root, int blockSize, double percent) throws IOException {
        int changed = 0;
        try (var s = Files.list(root)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                long blocks = Files.size(p) / blockSize;
                int n = (int) Math.round(blocks * percent / 100);
                for (int i = 0; i < n; i++) {
                    long block = (long) (random.nextDouble() * blocks);
                    patch(p, block * blockSize + random.nextInt(blockSize - 64), 64);
                }
                changed += n;
            }
        }
        return changed;
    }

    private void patch(Path p, long offset, int n) throws IOException {
        byte[] b = new byte[n];
        fill(b, n);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.seek(offset);
            f.write(b);
        }
    }

    /**
     * (d) a tree of sparse files: {@code large} files of {@code size} bytes holding 256 chunks of
     * 64 KiB of data each at random 64 KiB-aligned offsets (a VM image or database file that is mostly
     * holes), and 100 files of 64 KiB holding 4 KiB of data.
     */
    void sparseFiles(Path root, int large, long size) throws IOException {
        Files.createDirectories(root);
        byte[] chunk = new byte[64 << 10];
        for (int i = 0; i < large; i++) {
            try (RandomAccessFile f = new RandomAccessFile(root.resolve("sparse-" + i + ".img").toFile(), "rw")) {
                f.setLength(size);
                for (int c = 0; c < 256; c++) {
                    fill(chunk, chunk.length);
                    f.seek((long) (random.nextDouble() * (size / chunk.length)) * chunk.length);
                    f.write(chunk);
                }
            }
        }
        Path small = Files.createDirectories(root.resolve("small"));
        for (int i = 0; i < 100; i++) {
            try (RandomAccessFile f = new RandomAccessFile(small.resolve("s" + i + ".bin").toFile(), "rw")) {
                f.setLength(64 << 10);
                fill(chunk, 4096);
                f.seek(random.nextInt(16) * 4096L);
                f.write(chunk, 0, 4096);
            }
        }
    }

    private void fill(byte[] b, int n) {
        random.nextBytes(b);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('A' + (b[i] & 0x0F));
        }
    }
}
