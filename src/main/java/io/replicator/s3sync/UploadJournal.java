package io.replicator.s3sync;

/**
 * Marks the multipart uploads this tool has open, so the next run can tell the ones a killed run
 * left behind (its own) from other tools' uploads, which it never touches.
 */
interface UploadJournal {
    UploadJournal NONE = new UploadJournal() {
        @Override
        public void opened(String fullKey, String uploadId) {
        }

        @Override
        public void closed(String fullKey, String uploadId) {
        }
    };

    /** Called after CreateMultipartUpload, before the first part: a failure aborts the upload. */
    void opened(String fullKey, String uploadId);

    /** Called after the upload was completed or aborted. */
    void closed(String fullKey, String uploadId);
}
