package io.replicator.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Logger;

/**
 * The logging setup, in code instead of a logback.xml: logback's XML configurator (Joran, a SAX
 * parser, ~300 classes) took ~0.1 s of CPU on the critical path of every cold process (measured
 * on 2 cores; docs/cold-start.md), and every --once, sync-now Job and mover pod is one. Text lines by
 * default; {@code LOG_FORMAT=json} (env) or {@code -Dlog.format=json} switches to JSON lines
 * (logstash-logback-encoder: @timestamp, message, logger_name, thread_name, level, stack_trace).
 * {@code -Dlogback.configurationFile=FILE} still replaces all of this (logback then reads FILE).
 * Found by logback through META-INF/services.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{20} - %msg%n";

    /** Loggers quieter than INFO: the libraries' chatter, and our v1alpha1 CRDs' per-type warning. */
    static final Map<String, Level> LEVELS = Map.of(
            "org.apache.camel.main.BaseMainSupport", Level.WARN,
            "org.gaul", Level.WARN,
            "org.jclouds", Level.WARN,
            "org.eclipse.jetty", Level.WARN,
            "org.quartz", Level.WARN,
            "software.amazon.awssdk", Level.WARN,
            "io.netty", Level.WARN,
            "io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils", Level.ERROR);

    /** The output format: text or json. */
    enum Format { TEXT, JSON }

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        return configure(ctx, System::getProperty, System.getenv());
    }

    static ExecutionStatus configure(LoggerContext ctx, UnaryOperator<String> systemProperties, Map<String, String> env) {
        if (systemProperties.apply("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // logback's own configurator reads that file
        }
        apply(ctx, format(systemProperties, env));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** -Dlog.format first, then the LOG_FORMAT env variable; text unless one says json. */
    static Format format(UnaryOperator<String> systemProperties, Map<String, String> env) {
        String f = systemProperties.apply("log.format");
        if (f == null) {
            f = env.getOrDefault("LOG_FORMAT", "text");
        }
        return "json".equalsIgnoreCase(f.trim()) ? Format.JSON : Format.TEXT;
    }

    static void apply(LoggerContext ctx, Format format) {
        NopStatusListener quiet = new NopStatusListener();
        ctx.getStatusManager().add(quiet);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName(format == Format.JSON ? "json" : "text");
        console.setEncoder(format == Format.JSON ? json(ctx) : text(ctx));
        console.start();
        ctx.getLogger("org.apache.camel").setLevel(Level.INFO);
        LEVELS.forEach((name, level) -> ctx.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
    }

    private static Encoder<ILoggingEvent> text(LoggerContext ctx) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(TEXT_PATTERN);
        e.start();
        return e;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext ctx) {
        LogstashEncoder e = new LogstashEncoder();
        e.setContext(ctx);
        e.setIncludeContext(false);
        e.start();
        return e;
    }
}
