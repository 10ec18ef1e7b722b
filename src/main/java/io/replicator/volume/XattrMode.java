package io.replicator.volume;

/** Whether extended attributes are replicated. */
public enum XattrMode {
    /** Not replicated (VolSync's behaviour: it runs rsync without -X). */
    OFF,
    /**
     * The {@code user.*} namespace of files and directories (what the JDK's
     * UserDefinedFileAttributeView reaches; symlinks cannot carry user attributes on Linux). ACLs and
     * security.* / trusted.* attributes are not replicated.
     */
    USER
}
