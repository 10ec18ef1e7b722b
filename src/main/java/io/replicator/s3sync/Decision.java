package io.replicator.s3sync;

/** What to do with one key. source/destination are null where the key is missing. */
record Decision(Action action, String key, ObjectEntry source, ObjectEntry destination, String reason) {
    /** SKIP_RECORDED: shown equal by the sync state; UNPROVEN: cannot be shown equal (copied or verified). */
    enum Action { COPY, UPDATE, SKIP, SKIP_RECORDED, UNPROVEN, DELETE }

    /** Bytes a transfer would move (copy/update) or a delete removes. */
    long bytes() {
        return action == Action.DELETE ? destination.size() : source.size();
    }
}
