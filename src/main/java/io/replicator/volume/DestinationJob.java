package io.replicator.volume;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One replicated volume on the destination.
 *
 * @param name      the job name sessions must give in HELLO
 * @param root      the volume directory
 * @param identities the TLS-PSK identities a session for this job may have authenticated with;
 *                  none allows plain TCP (tests and trusted loopback only)
 * @param excludes  extra exclude patterns this side never writes nor deletes (lost+found always)
 * @param limits    bounds on what a session may send
 * @param commitSync how commit makes the data durable
 * @param deleteLimits this side's max-delete (count and/or percent); the stricter of it and the
 *                  session's applies. Its allowEmptySource is not used: only the source job can
 *                  allow an empty source
 */
public record DestinationJob(String name, Path root, Set<String> identities, List<String> excludes, EntryLimits limits,
                             CommitSync commitSync, VolumeDeleteLimits deleteLimits) {
    public DestinationJob {
        Objects.requireNonNull(name, "name");
        identities = Set.copyOf(identities);
        Objects.requireNonNull(root, "root");
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(commitSync, "commitSync");
        Objects.requireNonNull(deleteLimits, "deleteLimits");
    }

    /** Defaults: lost+found excluded, default limits, syncfs at commit. */
    public static DestinationJob of(String name, Path root, String identity) {
        return new DestinationJob(name, root, identity == null ? Set.of() : Set.of(identity), List.of(),
                EntryLimits.DEFAULTS, CommitSync.SYNCFS, VolumeDeleteLimits.NONE);
    }

    /** Every identity of the job's key file is accepted: old and new during a key rollover. */
    public DestinationJob withIdentities(Set<String> ids) {
        return new DestinationJob(name, root, ids, excludes, limits, commitSync, deleteLimits);
    }

    public DestinationJob withLimits(EntryLimits l) {
        return new DestinationJob(name, root, identities, excludes, l, commitSync, deleteLimits);
    }

    public DestinationJob withExcludes(List<String> e) {
        return new DestinationJob(name, root, identities, e, limits, commitSync, deleteLimits);
    }

    public DestinationJob withCommitSync(CommitSync c) {
        return new DestinationJob(name, root, identities, excludes, limits, c, deleteLimits);
    }

    public DestinationJob withDeleteLimits(VolumeDeleteLimits d) {
        return new DestinationJob(name, root, identities, excludes, limits, commitSync, d);
    }
}
