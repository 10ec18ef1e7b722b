package io.replicator.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Status without Kubernetes: the latest report of every job as one JSON document, replaced
 * atomically (write to a temporary file, then rename) so a reader never sees half a file.
 */
public final class LocalStatusFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;
    private final Map<String, Map<String, Object>> jobs = new TreeMap<>();

    public LocalStatusFile(Path file) {
        this.file = file;
    }

    public synchronized void write(JobReport r) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", r.kind().spelling());
        s.put("mode", r.mode());
        s.put("result", r.outcome().name());
        s.put("lastSyncStartTime", r.started().toString());
        s.put("lastSyncDurationSeconds", r.duration().toMillis() / 1000.0);
        s.put("error", r.error());
        s.put("summary", r.counters());
        jobs.put(r.kind().spelling() + "/" + r.job(), s); // a volume source and its destination may share a name
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".status", ".tmp");
        JSON.writeValue(tmp.toFile(), Map.of("jobs", jobs));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
