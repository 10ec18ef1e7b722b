package io.replicator.kube.api;

/** How a ReplicationDestination keeps its image (VolSync's values). */
@SuppressWarnings("java:S115") // constants spelled as the API values
public enum DestinationCopyMethod { Direct, Snapshot }
