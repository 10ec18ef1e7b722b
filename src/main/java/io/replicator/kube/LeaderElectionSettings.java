package io.replicator.kube;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How this replica takes part in leader election on Kubernetes Leases.
 *
 * @param namespace     Kubernetes namespace holding the Leases and the replica Pods
 * @param podName       this replica's identity: the name of its Pod (the Lease holder identity)
 * @param leasePrefix   Leases are named {@code <leasePrefix>-<lock namespace>}
 * @param podLabels     labels selecting the replica Pods; only Running and Ready Pods among them may lead.
 *                      Empty selects every Pod of the namespace (Camel's default)
 * @param leaseDuration how long a new leader waits before it starts its routes, so that a former leader
 *                      has stopped them (Camel does not use it as an expiry: a leader stays leader while
 *                      its Pod is Running and Ready)
 * @param renewDeadline a leader that could not confirm its leadership for this long stops its routes
 * @param retryPeriod   how often each replica reads the Lease and the Pod list
 */
public record LeaderElectionSettings(String namespace, String podName, String leasePrefix,
        Map<String, String> podLabels, Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

    public static final String DEFAULT_LEASE_PREFIX = "camel-replicator";
    /** Camel's defaults (KubernetesLockConfiguration). */
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
    public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);
    /** Camel's fixed jitter factor: retries are spread over [retryPeriod, 1.2 x retryPeriod]. */
    public static final double JITTER_FACTOR = 1.2;
    static final String NAME = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";

    public LeaderElectionSettings {
        requireName("namespace", namespace, 63);
        if (podName == null || podName.isBlank()) {
            throw new IllegalArgumentException("leader election: pod name is empty (set POD_NAME from the Downward API)");
        }
        requireName("lease prefix", leasePrefix, 62);
        podLabels = Map.copyOf(Objects.requireNonNull(podLabels, "podLabels"));
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(renewDeadline, "renewDeadline");
        Objects.requireNonNull(retryPeriod, "retryPeriod");
        // The Lease stores whole seconds and the API server refuses 0.
        if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("leader election: lease duration must be at least 1s, got " + leaseDuration);
        }
        if (retryPeriod.isNegative() || retryPeriod.isZero()) {
            throw new IllegalArgumentException("leader election: retry period must be positive, got " + retryPeriod);
        }
        // Camel's own checks (KubernetesClusterService), reported here with our names and at startup.
        if (leaseDuration.compareTo(renewDeadline) <= 0) {
            throw new IllegalArgumentException("leader election: lease duration " + leaseDuration
                    + " must be longer than the renew deadline " + renewDeadline);
        }
        if (renewDeadline.toMillis() <= JITTER_FACTOR * retryPeriod.toMillis()) {
            throw new IllegalArgumentException("leader election: renew deadline " + renewDeadline
                    + " must be longer than " + JITTER_FACTOR + " x the retry period " + retryPeriod);
        }
    }

    /** Camel's default timings, every Pod of the namespace a candidate, Leases named camel-replicator-*. */
    public static LeaderElectionSettings of(String namespace, String podName) {
        return new LeaderElectionSettings(namespace, podName, DEFAULT_LEASE_PREFIX, Map.of(),
                DEFAULT_LEASE_DURATION, DEFAULT_RENEW_DEADLINE, DEFAULT_RETRY_PERIOD);
    }

    /**
     * From a Pod's environment: POD_NAME (Downward API), else HOSTNAME (a Deployment's Pod has its name as
     * host name); POD_NAMESPACE, else {@code defaultNamespace} (e.g. the client's namespace).
     */
    public static LeaderElectionSettings fromEnvironment(Map<String, String> env, String defaultNamespace) {
        String pod = firstSet(env.get("POD_NAME"), env.get("HOSTNAME"));
        if (pod == null) {
            throw new IllegalArgumentException("leader election: neither POD_NAME nor HOSTNAME is set");
        }
        return of(firstSet(env.get("POD_NAMESPACE"), defaultNamespace), pod);
    }

    public LeaderElectionSettings withPodLabels(Map<String, String> labels) {
        return new LeaderElectionSettings(namespace, podName, leasePrefix, labels, leaseDuration, renewDeadline,
                retryPeriod);
    }

    public LeaderElectionSettings withLeasePrefix(String prefix) {
        return new LeaderElectionSettings(namespace, podName, prefix, podLabels, leaseDuration, renewDeadline,
                retryPeriod);
    }

    public LeaderElectionSettings withTimings(Duration lease, Duration renew, Duration retry) {
        return new LeaderElectionSettings(namespace, podName, leasePrefix, podLabels, lease, renew, retry);
    }

    /** The Lease that holds the leader of a lock namespace. */
    public String leaseName(String lockNamespace) {
        return leasePrefix + "-" + lockNamespace;
    }

    public static void requireName(String what, String value, int maxLength) {
        if (value == null || value.length() > maxLength || !value.matches(NAME)) {
            throw new IllegalArgumentException("leader election: " + what + " '" + value + "' must be lower-case"
                    + " letters, digits and '-', at most " + maxLength + " characters, starting and ending alphanumeric");
        }
    }

    private static String firstSet(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
