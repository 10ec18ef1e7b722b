package io.replicator.cli;

import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.ReplicatorConfig;
import io.replicator.config.VolumeDestinationJobConfig;
import io.replicator.config.VolumeSourceJobConfig;
import io.replicator.s3sync.SyncMode;
import java.time.Instant;

/** --help: modes, options and the jobs the current configuration defines. */
public final class HelpText {
    private HelpText() {
    }

    public static String render(ConfigLoader.Described described) {
        StringBuilder b = new StringBuilder();
        b.append("""
                camel-replicator: one-way S3 bucket sync and TLS-PSK volume replication.

                Usage:
                  camel-replicator [--config FILE]                  run as a service (schedules, listeners, management port)
                  camel-replicator [--config FILE] --once JOB       run one job now, print its summary, exit
                                   [--dry-run | --check]            plan only / compare only; neither writes anything
                                                                    (volume jobs: the destination itemizes the plan like
                                                                    rsync -n -i; quick check = size+mtime, checksum=true
                                                                    hashes; --check exits 3 on any difference)
                                   [--from-path DIR]                a volume-source job, Direct from DIR (mover Jobs)
                                   [--allow-empty-source]           a bucket-sync job: deletes may go ahead although
                                                                    the source lists no object (refused by default)
                                   [--point-in-time T --to R:B]     a single-bucket bucket-sync job: make bucket B on
                                                                    remote R equal to the source as it was at T
                                                                    (RFC 3339, e.g. 2026-12-03T10:15:30Z); restore
                                                                    drills; delete guards apply; with --dry-run too
                  camel-replicator keygen [--identity ID]           print a new PSK line (identity:128 hex digits)
                  camel-replicator --help                           this text

                Options:
                  --config FILE   properties file over the packaged defaults (any property, camel.* included);
                                  without it and without CAMEL_MAIN_PROFILE the 'local' demo profile runs
                Environment:
                  CAMEL_MAIN_PROFILE=<env>   use application-<env>.properties
                  LOG_FORMAT=json            JSON lines instead of text logs
                  REPLICATOR_..._SECRET_KEY  any property, named in upper case with _ for . and -
                Exit codes: 0 ok (or the service stopped by SIGTERM/SIGINT), 1 job or startup failed,
                  2 usage or configuration error, 3 --check found differences or unverified objects,
                  143 a --once run stopped by SIGTERM

                """);
        b.append("Profile: ").append(described.profile().orElse("(none)")).append('\n');
        if (described.config().isEmpty()) {
            b.append("  the embedded demo: an S3 server on 127.0.0.1, its files under ./data (the working directory\n")
                    .append("  must be writable), every job run once at start. Its jobs:\n");
            described.demoJobs().forEach(j -> b.append("  ").append(j).append('\n'));
            return b.toString();
        }
        ReplicatorConfig c = described.config().get();
        b.append("Configured jobs:\n");
        if (c.bucketSyncJobs().isEmpty() && c.volumeSources().isEmpty() && c.volumeDestinations().isEmpty()) {
            b.append("  (none)\n");
        }
        Instant now = Instant.now();
        for (BucketSyncJobConfig j : c.bucketSyncJobs().values()) {
            b.append(String.format("  %-20s bucket-sync  %s -> %s  buckets %s  schedule '%s' %s%s (next %s)%n",
                    j.name(), j.source().name(), j.destination().name(), j.buckets(), j.schedule().original(),
                    j.schedule().zone(), j.mode() == SyncMode.DRY_RUN ? "  dry-run" : "",
                    j.schedule().nextAfter(now).map(Instant::toString).orElse("never")));
        }
        for (VolumeSourceJobConfig j : c.volumeSources().values()) {
            b.append(String.format("  %-20s volume-source  %s -> %s:%d  schedule '%s' %s (next %s)%n", j.name(), j.path(),
                    j.address(), j.port(), j.schedule().original(), j.schedule().zone(),
                    j.schedule().nextAfter(now).map(Instant::toString).orElse("never")));
        }
        for (VolumeDestinationJobConfig j : c.volumeDestinations().values()) {
            b.append(String.format("  %-20s volume-destination  listens on %s:%d -> %s%n", j.name(), j.bindAddress(),
                    j.port(), j.path()));
        }
        return b.toString();
    }
}
