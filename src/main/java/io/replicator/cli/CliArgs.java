package io.replicator.cli;

import java.nio.file.Path;
import java.util.Optional;

/** The parsed command line. */
public record CliArgs(Command command, Optional<Path> configFile, Optional<String> job, RunMode runMode,
                      Optional<String> identity, Optional<Path> fromPath, boolean allowEmptySource,
                      Optional<PointInTimeArgs> pointInTime) {

    public enum Command { SERVICE, ONCE, HELP, KEYGEN }

    /** What a --once run does. */
    public enum RunMode { SYNC, DRY_RUN, CHECK }

    public static CliArgs parse(String... args) {
        Command command = Command.SERVICE;
        Path config = null;
        String job = null;
        String identity = null;
        Path fromPath = null;
        RunMode mode = RunMode.SYNC;
        boolean allowEmptySource = false;
        String pointInTime = null;
        String to = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h", "help" -> command = Command.HELP;
                case "keygen" -> command = Command.KEYGEN;
                case "--config" -> config = Path.of(value(args, ++i, a));
                case "--once" -> {
                    command = command == Command.HELP ? command : Command.ONCE;
                    job = value(args, ++i, a);
                }
                case "--dry-run" -> mode = setMode(mode, RunMode.DRY_RUN);
                case "--check" -> mode = setMode(mode, RunMode.CHECK);
                case "--identity" -> identity = value(args, ++i, a);
                case "--from-path" -> fromPath = Path.of(value(args, ++i, a));
                case "--allow-empty-source" -> allowEmptySource = true;
                case "--point-in-time" -> pointInTime = value(args, ++i, a);
                case "--to" -> to = value(args, ++i, a);
                default -> throw new CliException("unknown argument '" + a + "'");
            }
        }
        if (mode != RunMode.SYNC && command != Command.ONCE && command != Command.HELP) {
            throw new CliException("--dry-run and --check only apply to --once JOB");
        }
        if (identity != null && command != Command.KEYGEN) {
            throw new CliException("--identity only applies to keygen");
        }
        if (fromPath != null && command != Command.ONCE) {
            throw new CliException("--from-path only applies to --once JOB (a volume-source job)");
        }
        if (allowEmptySource && command != Command.ONCE && command != Command.HELP) {
            throw new CliException("--allow-empty-source only applies to --once JOB (a bucket-sync job)");
        }
        PointInTimeArgs restore = PointInTimeArgs.parse(pointInTime, to);
        if (restore != null && command != Command.ONCE && command != Command.HELP) {
            throw new CliException("--point-in-time only applies to --once JOB (a bucket-sync job)");
        }
        return new CliArgs(command, Optional.ofNullable(config), Optional.ofNullable(job), mode,
                Optional.ofNullable(identity), Optional.ofNullable(fromPath), allowEmptySource,
                Optional.ofNullable(restore));
    }

    private static RunMode setMode(RunMode current, RunMode wanted) {
        if (current != RunMode.SYNC && current != wanted) {
            throw new CliException("--dry-run and --check cannot be combined");
        }
        return wanted;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new CliException(option + " needs a value");
        }
        return args[i];
    }
}
