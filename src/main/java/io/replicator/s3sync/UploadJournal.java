package io.replicator.s3sync;

/**
 * Marks the multipart uploads this tool has open, so the next run can tell the ones a killed run
 * left behind (its own: resumed or aborted) from other tools' uploads, which it never touches.
 */
interface UploadJournal {
    UploadJournal NONE = new UploadJournal() {
        @Override
        public void opened(String fullKey, String uploadId, UploadRecord record) {
        }

        @Override
        public void closed(String fullKey, String uploadId) {
        }
    };

    /**
     * Called after CreateMultipartUpload, before the first part: a failure aborts the upload. The
     * record lets the next run resume the upload for the same source version.
     */
    void opened(String fullKey, String uploadId, UploadRecord record);

    /** Called after the upload was completed or aborted. */
    void closed(String fullKey, String uploadId);
}
