package io.replicator.kube.api;

/** The Service type in front of a ReplicationDestination (VolSync's values). */
@SuppressWarnings("java:S115") // constants spelled as the API values
public enum ServiceType { ClusterIP, LoadBalancer }
