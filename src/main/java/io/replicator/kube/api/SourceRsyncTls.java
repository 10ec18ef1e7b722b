package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A ReplicationSource's {@code spec.rsyncTLS}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourceRsyncTls extends RsyncTls {
    private SourceCopyMethod copyMethod;

    public SourceCopyMethod getCopyMethod() {
        return copyMethod;
    }

    public void setCopyMethod(SourceCopyMethod copyMethod) {
        this.copyMethod = copyMethod;
    }
}
