package io.replicator.platform;

import io.replicator.jobs.JobGuard;
import org.apache.camel.CamelContext;

/** Outside Kubernetes: keys from files, reports to logs and the status file, one replica, schedules only. */
final class LocalPlatform implements Platform {

    @Override
    public PlatformHooks hooks() {
        return PlatformHooks.LOCAL;
    }

    @Override
    public void installLeaderElection(CamelContext ctx) {
        // a single process: every job runs here
    }

    @Override
    public String leaderPrefix(String routeId) {
        return "";
    }

    @Override
    public void startTriggers(CamelContext ctx, JobGuard guard) {
        // no resources to watch: the schedules and --once are the only triggers
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
