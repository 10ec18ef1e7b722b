package io.replicator.kube.api;

/** How the last sync ended ({@code status.latestMoverStatus.result}, VolSync's values). */
@SuppressWarnings("java:S115") // constants spelled as the API values
public enum MoverResultValue { Successful, Failed }
