package io.replicator.psk;

/**
 * User event fired down the pipeline when the TLS-PSK handshake completes, before any plaintext.
 * {@code identity} is the PSK identity that authenticated the peer (server side: the one from the
 * key ring that matched; client side: our own), so the application can bind it to a job.
 */
public record PskHandshakeCompleted(String identity) {
}
