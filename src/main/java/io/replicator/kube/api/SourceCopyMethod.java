package io.replicator.kube.api;

/** How a ReplicationSource reads its volume (VolSync's values). */
@SuppressWarnings("java:S115") // constants spelled as the API values
public enum SourceCopyMethod { Direct, Clone, Snapshot }
