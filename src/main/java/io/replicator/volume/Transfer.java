package io.replicator.volume;

/**
 * A regular file the destination needs data for. {@code basis}: an existing regular file to sign
 * and patch against (else the file comes whole). {@code deferred}: a directory occupies the path,
 * so the verified file waits under its temporary name until commit replaces the directory.
 */
record Transfer(int index, long size, boolean basis, boolean deferred) {
}
