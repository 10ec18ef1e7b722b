package io.replicator.volume;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One replicated volume on the destination.
 *
 * @param name      the job name sessions must give in HELLO
 * @param root      the volume directory
 * @param identity  the TLS-PSK identity a session for this job must have authenticated with;
 *                  null allows plain TCP (tests and trusted loopback only)
 * @param excludes  extra exclude patterns this side never writes nor deletes (lost+found always)
 * @param limits    bounds on what a session may send
 * @param commitSync how commit makes the data durable
 */
public record DestinationJob(String name, Path root, String identity, List<String> excludes, EntryLimits limits,
                             CommitSync commitSync) {
    public DestinationJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(commitSync, "commitSync");
    }

    /** Defaults: lost+found excluded, default limits, syncfs at commit. */
    public static DestinationJob of(String name, Path root, String identity) {
        return new DestinationJob(name, root, identity, List.of(), EntryLimits.DEFAULTS, CommitSync.SYNCFS);
    }

    public DestinationJob withLimits(EntryLimits l) {
        return new DestinationJob(name, root, identity, excludes, l, commitSync);
    }

    public DestinationJob withExcludes(List<String> e) {
        return new DestinationJob(name, root, identity, e, limits, commitSync);
    }

    public DestinationJob withCommitSync(CommitSync c) {
        return new DestinationJob(name, root, identity, excludes, limits, c);
    }
}
