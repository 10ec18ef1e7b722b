package io.replicator.jobs;

import io.replicator.config.KeySource;
import io.replicator.psk.PskKeyFile;
import io.replicator.psk.PskKeyRing;
import java.io.IOException;

/** Loads a volume job's PSK ring from its {@link KeySource}: files here; Secrets with the Kubernetes layer. */
@FunctionalInterface
public interface KeyLoader {
    PskKeyRing load(KeySource key) throws IOException;

    static KeyLoader files() {
        return key -> {
            if (!key.isFile()) {
                // the binder refuses key-secret without Kubernetes: reaching this is a wiring bug
                throw new IllegalStateException(key + " needs replicator.kubernetes.enabled=true");
            }
            return PskKeyFile.parse(key.file());
        };
    }
}
