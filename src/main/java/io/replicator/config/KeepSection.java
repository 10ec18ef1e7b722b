package io.replicator.config;

import java.util.List;
import java.util.Optional;

/**
 * Binds and checks {@code keep-replaced} / {@code keep-days} of one bucket-sync job. The keep place
 * must lie outside everything the job syncs: in a destination's synced range it would be listed as
 * extraneous and deleted; in a same-endpoint source's range it would be copied.
 */
final class KeepSection {
    private static final String RESERVED = ".camel-replicator/";

    private final PropertyReader in;

    KeepSection(PropertyReader in) {
        this.in = in;
    }

    /** p: the job's property prefix ("replicator.bucket-sync.<job>."); null when the job keeps nothing. */
    KeepSettings bind(String p, RemoteConfig source, RemoteConfig destination, List<BucketMapping> buckets) {
        String key = p + "keep-replaced";
        Optional<String> spec = in.optional(key);
        int days = in.integer(p + "keep-days", KeepSettings.DEFAULT_DAYS, 1, 36_500);
        if (spec.isEmpty()) {
            if (in.optional(p + "keep-days").isPresent()) {
                in.problem(p + "keep-days", String.valueOf(days), "needs " + key + "=<bucket>[/prefix]");
            }
            return null;
        }
        String[] place;
        try {
            place = BucketMapping.splitBucket(spec.get());
        } catch (IllegalArgumentException e) {
            in.problem(key, spec.get(), e.getMessage());
            return null;
        }
        String prefix = place[1].isEmpty() || place[1].endsWith("/") ? place[1] : place[1] + "/";
        KeepSettings keep = new KeepSettings(place[0], prefix, days);
        if (destination != null && destination.type() != RemoteConfig.Type.S3) {
            in.problem(key, spec.get(), "needs an S3 destination remote (objects are kept with server-side copies "
                    + "on the destination's endpoint); remote '" + destination.name() + "' is a local directory");
        }
        if (prefix.startsWith(RESERVED)) {
            in.problem(key, spec.get(), "lies inside the reserved prefix " + RESERVED + " (the sync's own state)");
        }
        boolean sourceOnSameEndpoint = source != null && destination != null && source.type() == RemoteConfig.Type.S3
                && destination.type() == RemoteConfig.Type.S3 && source.endpoint() != null
                && source.endpoint().equals(destination.endpoint());
        for (BucketMapping m : buckets) {
            if (overlaps(keep, m.destinationBucket(), m.destinationPrefix())) {
                in.problem(key, spec.get(), "lies inside the synced range of destination " + described(
                        m.destinationBucket(), m.destinationPrefix()) + " (bucket " + m + "), where kept objects "
                        + "would count as extraneous; use another bucket or a prefix outside the synced one");
            } else if (sourceOnSameEndpoint && overlaps(keep, m.sourceBucket(), m.sourcePrefix())) {
                in.problem(key, spec.get(), "lies inside the synced range of source " + described(m.sourceBucket(),
                        m.sourcePrefix()) + " (bucket " + m + ") on the same endpoint, where kept objects would be "
                        + "synced; use another bucket or a prefix outside the synced one");
            }
        }
        return keep;
    }

    private static boolean overlaps(KeepSettings keep, String bucket, String prefix) {
        String p = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return keep.bucket().equals(bucket) && (keep.prefix().startsWith(p) || p.startsWith(keep.prefix()));
    }

    private static String described(String bucket, String prefix) {
        return prefix.isEmpty() ? bucket : bucket + "/" + prefix;
    }
}
