package io.replicator.s3sync;

/** SYNC changes the destination; DRY_RUN lists and plans only; CHECK compares (like rclone check). */
public enum SyncMode { SYNC, DRY_RUN, CHECK }
