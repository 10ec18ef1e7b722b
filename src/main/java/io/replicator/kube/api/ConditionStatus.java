package io.replicator.kube.api;

/** A condition's status, as Kubernetes spells it. */
@SuppressWarnings("java:S115") // constants spelled as the API values
public enum ConditionStatus { True, False, Unknown }
