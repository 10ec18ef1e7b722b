package io.replicator.kube;

/** An object did not become ready (a VolumeSnapshot readyToUse) within the configured timeout. */
public class ReadyTimeoutException extends KubeResourceException {
    public ReadyTimeoutException(String message) {
        super(message);
    }
}
