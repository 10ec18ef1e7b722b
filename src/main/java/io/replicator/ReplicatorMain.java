package io.replicator;

import io.replicator.cli.StopSignals;
import io.replicator.cli.ConfigLoader;
import io.replicator.cli.HelpText;
import io.replicator.cli.CliException;
import io.replicator.cli.ExitCodes;
import io.replicator.cli.CliArgs;
import io.replicator.cli.PointInTimeRun;
import io.replicator.camel.RoutesDir;
import io.replicator.camel.ReplicatorSetup;
import io.replicator.demo.LocalDemoFiles;
import io.replicator.demo.EmbeddedServices;
import io.replicator.config.ConfigException;
import io.replicator.config.ReplicatorConfig;
import io.replicator.psk.PskKeyGenerator;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.main.Main;

/** Entry point: parses the command line, validates configuration, then runs camel-main. */
public final class ReplicatorMain {
    /** keygen's identity when none is given: VolSync's. */
    static final String DEFAULT_IDENTITY = "volsync";

    private ReplicatorMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv(), System.out, System.err, StopSignals::install));
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (caused by " + t + ")";
    }

    /** A mover Job's run: the volume-source job, Direct, from the directory its copy is mounted at. */
    private static ReplicatorConfig fromPath(ReplicatorConfig config, CliArgs cli) {
        String job = cli.job().orElseThrow();
        java.nio.file.Path dir = cli.fromPath().orElseThrow();
        if (!config.volumeSources().containsKey(job)) {
            throw new CliException("--from-path: " + job + " is not a volume-source job");
        }
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new CliException("--from-path " + dir + " is not an existing directory");
        }
        return config.withSourcePath(job, dir);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        return run(args, env, out, err, m -> { });
    }

    /** @param service sees the service's camel-main before it runs (the signal handlers; tests stop a service with it) */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
                   java.util.function.Consumer<Main> service) throws Exception {
        CliArgs cli;
        ConfigLoader.Loaded loaded;
        try {
            cli = CliArgs.parse(args);
            if (cli.command() == CliArgs.Command.KEYGEN) {
                out.println(PskKeyGenerator.generate(cli.identity().orElse(DEFAULT_IDENTITY)));
                return ExitCodes.OK;
            }
            if (cli.command() == CliArgs.Command.HELP) {
                out.print(HelpText.render(ConfigLoader.describe(cli.configFile(), env)));
                return ExitCodes.OK;
            }
            loaded = ConfigLoader.load(cli.configFile(), env);
            EmbeddedServices.requireServer(loaded.config().settings().embeddedS3(), ReplicatorMain.class.getClassLoader());
            if (cli.command() == CliArgs.Command.ONCE && !loaded.config().runnableJobs().contains(cli.job().orElseThrow())) {
                throw new CliException("--once " + cli.job().get() + ": no such bucket-sync or volume-source job (configured: "
                        + String.join(", ", loaded.config().runnableJobs()) + ")");
            }
            if (cli.allowEmptySource() && loaded.config().volumeSources().containsKey(cli.job().orElseThrow())) {
                // A volume source's guard is enforced by the destination from the session: one flag here
                // could not reach a Clone/Snapshot mover, so it is refused rather than silently ignored.
                throw new CliException("--allow-empty-source applies to bucket-sync jobs; for volume-source job '"
                        + cli.job().get() + "' set replicator.volume-source." + cli.job().get() + ".allow-empty-source=true");
            }
            if (cli.fromPath().isPresent()) {
                loaded = loaded.withConfig(fromPath(loaded.config(), cli));
            }
            if (cli.pointInTime().isPresent()) {
                loaded = loaded.withConfig(PointInTimeRun.apply(loaded.config(), cli.job().orElseThrow(),
                        cli.pointInTime().get()));
            }
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: camel-replicator [--config FILE] [--once JOB [--dry-run|--check|--from-path DIR|--point-in-time T --to REMOTE:BUCKET]] | --help | keygen [--identity ID]");
            return ExitCodes.USAGE;
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (LocalDemoFiles.CannotWrite e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.JOB_FAILED;
        }
        AtomicInteger exitCode = new AtomicInteger(ExitCodes.OK);
        Main main = new Main();
        loaded.profile().ifPresent(p -> main.configure().setProfile(p));
        main.setOverrideProperties(loaded.overrides());
        if (cli.command() == CliArgs.Command.ONCE) {
            // A one-shot run ("sync now" Job) must not clash with a running service's port.
            main.addOverrideProperty("camel.management.enabled", "false");
            // Nothing scrapes a one-shot run: Camel's metrics would load ~600 classes (Jackson) for nothing.
            main.addOverrideProperty("camel.metrics.enabled", "false");
        }
        RoutesDir.addTo(main, loaded);
        main.addMainListener(new ReplicatorSetup(main, loaded.config(), cli, env, exitCode));
        if (cli.command() == CliArgs.Command.SERVICE) {
            service.accept(main);
        }
        try {
            main.run();
        } catch (Exception e) {
            err.println("error: startup failed: " + rootMessage(e));
            return ExitCodes.JOB_FAILED;
        }
        return Math.max(exitCode.get(), main.getExitCode());
    }
}
