package io.replicator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a child process (rclone, or our engine in a fresh JVM) under /usr/bin/time for its peak RSS. */
final class S3BenchTools {
    /** Wall time, peak RSS (KiB), CPU seconds (user+sys), exit code and output of one child process. */
    record Run(double seconds, long maxRssKib, double cpuSeconds, int exit, String output) {
    }

    private S3BenchTools() {
    }

    static Run timed(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path rss = Files.createTempFile("bench-rss", ".txt");
        Path out = Files.createTempFile("bench-out", ".txt");
        try {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", rss.toString()));
            cmd.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().remove("AWS_CA_BUNDLE"); // rclone refuses to start with it set
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            int exit = pb.start().waitFor();
            double s = (System.nanoTime() - t0) / 1e9;
            String text = Files.readString(rss, StandardCharsets.UTF_8).trim();
            String[] f = text.substring(text.lastIndexOf('\n') + 1).trim().split(" ");
            return new Run(s, Long.parseLong(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2]), exit,
                    Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(rss);
            Files.deleteIfExists(out);
        }
    }

    /** rclone remotes SRC: and DST: from environment variables (provider Other, path style). */
    static Map<String, String> rcloneEnv(S3BenchProcess src, S3BenchProcess dst) {
        Map<String, String> env = new java.util.HashMap<>();
        for (var e : Map.of("SRC", src, "DST", dst).entrySet()) {
            String p = "RCLONE_CONFIG_" + e.getKey() + "_";
            env.put(p + "TYPE", "s3");
            env.put(p + "PROVIDER", "Other");
            env.put(p + "ENDPOINT", e.getValue().counted.toString());
            env.put(p + "ACCESS_KEY_ID", e.getValue().accessKey);
            env.put(p + "SECRET_ACCESS_KEY", e.getValue().secretKey);
        }
        env.put("RCLONE_CONFIG", "/dev/null");
        return env;
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
