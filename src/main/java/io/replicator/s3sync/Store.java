package io.replicator.s3sync;

/** One side of a job for one run: an S3 bucket or a local directory, readable as a copy source. */
sealed interface Store extends ObjectReader permits S3Store, LocalStore {
}
