package io.replicator.s3sync;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory acting as an object store: each bucket is a subdirectory, each key a relative path.
 * See docs/s3sync.md ("local remotes") for the sidecar files that keep ETags and metadata.
 */
public record LocalRemote(String name, Path directory) implements Remote {
    public LocalRemote {
        Objects.requireNonNull(name, "remote name");
        Objects.requireNonNull(directory, "remote '" + name + "': directory");
        directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public String location() {
        return directory.toString();
    }
}
