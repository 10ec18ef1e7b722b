package io.replicator.kube;

/**
 * A Kubernetes object the application reads or waits for is missing, invalid or failed; the message
 * names its kind, namespace and name (and never a key). API errors themselves stay
 * {@link io.fabric8.kubernetes.client.KubernetesClientException}s.
 */
public class KubeResourceException extends RuntimeException {
    public KubeResourceException(String message) {
        super(message);
    }
}
