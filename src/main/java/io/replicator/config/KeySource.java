package io.replicator.config;

import java.nio.file.Path;

/**
 * Where a volume job's PSK comes from: a mounted file, or a Kubernetes Secret's {@code psk.txt}
 * read through the API. A destination with neither, on Kubernetes, gets a generated Secret named
 * {@link #generatedSecretName(String)} (VolSync's behaviour, under our own name).
 */
public record KeySource(Path file, String secret) {

    public static KeySource file(Path file) {
        return new KeySource(file, null);
    }

    public static KeySource secret(String name) {
        return new KeySource(null, name);
    }

    public static KeySource generated(String job) {
        return new KeySource(null, generatedSecretName(job));
    }

    public static String generatedSecretName(String job) {
        return "camel-replicator-tls-" + job;
    }

    public boolean isFile() {
        return file != null;
    }

    @Override
    public String toString() {
        return isFile() ? "key-file " + file : "Secret " + secret;
    }
}
