package io.replicator.volume;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;

/** Builds source trees with every kind of entry the volume engine must replicate. */
final class TreeGenerator {
    private final Random random;

    TreeGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The standard test tree: sizes from 0 to 5 MiB, nesting, empty dirs, links of all kinds, modes, sparse. */
    void build(Path root) throws IOException {
        Files.createDirectories(root);
        int[] sizes = {0, 1, 699, 700, 701, 4096, 65_536, 100_000, 3 << 20};
        for (int i = 0; i < sizes.length; i++) {
            write(root.resolve("f" + i + ".bin"), sizes[i]);
        }
        Path deep = Files.createDirectories(root.resolve("a/b/c/d"));
        write(deep.resolve("deep.txt"), 12_345);
        write(root.resolve("a/large.bin"), 5 << 20);
        Files.createDirectories(root.resolve("empty/inner-empty"));
        write(root.resolve("with space.txt"), 300);
        write(root.resolve("ünïcødé-名前.txt"), 1000);
        write(root.resolve("#leading-hash"), 10);
        Files.createDirectories(root.resolve("#dir with space"));
        write(root.resolve("#dir with space/x"), 2000);
        Files.createSymbolicLink(root.resolve("rel-link"), Path.of("a/b/c/d/deep.txt"));
        Files.createSymbolicLink(root.resolve("a/abs-link"), Path.of("/etc/hostname"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("does/not/exist"));
        Files.createSymbolicLink(root.resolve("dir-link"), Path.of("a/b"));
        write(root.resolve("a/hl-1"), 50_000);
        Files.createLink(root.resolve("a/b/hl-2"), root.resolve("a/hl-1"));
        Files.createLink(root.resolve("hl-3"), root.resolve("a/hl-1"));
        Files.setAttribute(root.resolve("f1.bin"), "unix:mode", 0600);
        Files.setAttribute(root.resolve("f2.bin"), "unix:mode", 0755);
        Files.setAttribute(root.resolve("a/b"), "unix:mode", 0750);
        Files.setAttribute(root.resolve("f3.bin"), "unix:mode", 04711);
        sparse(root.resolve("sparse.img"), 16 << 20);
        byte[] smallSparse = new byte[100_000]; // a small file (sent in one frame) that ends in zeros
        random.nextBytes(smallSparse);
        java.util.Arrays.fill(smallSparse, 4096, smallSparse.length, (byte) 0);
        Files.write(root.resolve("small-sparse.bin"), smallSparse);
        if (Ownership.detect() == Ownership.APPLIED) {
            Files.setAttribute(root.resolve("f4.bin"), "unix:uid", 1234);
            Files.setAttribute(root.resolve("f4.bin"), "unix:gid", 5678);
            Files.setAttribute(root.resolve("dangling"), "unix:uid", 4321, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
        Files.createDirectories(root.resolve("lost+found"));
        write(root.resolve("lost+found/ignored"), 10);
        Files.setLastModifiedTime(root.resolve("f5.bin"), FileTime.fromMillis(1_000_000_000_123L));
    }

    void write(Path p, int size) throws IOException {
        byte[] b = new byte[size];
        random.nextBytes(b);
        Files.write(p, b);
    }

    /** 16 MiB with 64 KiB of data at 4 MiB and 4 KiB at the end, holes elsewhere. */
    void sparse(Path p, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
            byte[] b = new byte[65_536];
            random.nextBytes(b);
            f.seek(4 << 20);
            f.write(b);
            f.seek(size - 4096);
            f.write(b, 0, 4096);
        }
    }

    /** Overwrites {@code n} bytes at {@code offset} with random data. */
    void patch(Path p, long offset, int n) throws IOException {
        byte[] b = new byte[n];
        random.nextBytes(b);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.seek(offset);
            f.write(b);
        }
    }
}
