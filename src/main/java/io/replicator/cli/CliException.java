package io.replicator.cli;

/** The command line is wrong: printed with the usage, exit code 2. */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }
}
