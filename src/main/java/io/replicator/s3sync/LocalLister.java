package io.replicator.s3sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Lists a local bucket directory in S3 key order, lazily: one directory is read (and sorted) when
 * the walk reaches it, so memory is bounded by directory size times depth, not by object count.
 * Directories sort as "name/" so a subtree's keys come exactly where S3 would list them. Symbolic
 * links and special files are skipped. A directory is itself a key ("dir/") only when it carries
 * a folder-marker sidecar.
 */
final class LocalLister extends LookAheadLister {
    private final LocalStore store;
    private final KeyOrder order;
    private final Deque<Frame> stack = new ArrayDeque<>();

    private record Frame(String prefix, List<String> names, int[] index) {
    }

    LocalLister(LocalStore store, KeyOrder order) {
        this.store = store;
        this.order = order;
        if (Files.isDirectory(store.dataDir())) {
            stack.push(read(""));
        }
        advance();
    }

    private Frame read(String prefix) {
        Path dir = store.dataPath(prefix);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String name = p.getFileName().toString();
                if (a.isDirectory()) {
                    names.add(name + "/");
                } else if (a.isRegularFile()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir + " failed: " + e.getMessage(), e);
        }
        names.sort(order);
        return new Frame(prefix, names, new int[1]);
    }

    @Override
    protected void advance() {
        next = null;
        try {
            while (next == null && !stack.isEmpty()) {
                Frame f = stack.peek();
                if (f.index[0] == f.names.size()) {
                    stack.pop();
                    continue;
                }
                String key = f.prefix + f.names.get(f.index[0]++);
                if (key.endsWith("/")) {
                    stack.push(read(key));
                    next = store.markerEntry(key);
                } else {
                    next = store.fileEntry(key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing local remote " + store.dataDir() + " failed: " + e.getMessage(), e);
        }
    }
}
