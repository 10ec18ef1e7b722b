package io.replicator.psk;

/**
 * User event fired down the pipeline just before the handler closes a failed connection
 * (handshake failure, handshake or idle timeout, TLS error). {@code detail} is for humans and
 * never contains key material.
 */
public record PskConnectionFailed(PskFailureReason reason, String detail) {
}
