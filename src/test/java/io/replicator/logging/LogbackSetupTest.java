package io.replicator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The logging setup in code: format choice, levels, and what a line looks like in each format. */
class LogbackSetupTest {
    @Test
    void logbackFindsItAsAConfigurator() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogbackSetup.class);
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironmentAndTextIsTheDefault() {
        assertThat(LogbackSetup.format(k -> null, Map.of())).isEqualTo(LogbackSetup.Format.TEXT);
        assertThat(LogbackSetup.format(k -> null, Map.of("LOG_FORMAT", "json"))).isEqualTo(LogbackSetup.Format.JSON);
        assertThat(LogbackSetup.format(k -> k.equals("log.format") ? "text" : null, Map.of("LOG_FORMAT", "json")))
                .isEqualTo(LogbackSetup.Format.TEXT);
        assertThat(LogbackSetup.format(k -> k.equals("log.format") ? "JSON" : null, Map.of())).isEqualTo(LogbackSetup.Format.JSON);
    }

    @Test
    void textLinesCarryTimeLevelThreadLoggerAndMessage() {
        LoggerContext ctx = configured(Map.of());
        String line = encode(ctx, "text", "io.replicator.volume.VolumeSource", "hello");
        assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[main\\] i\\.r\\.v\\.VolumeSource - hello\\R");
    }

    @Test
    void jsonLinesAreOneObjectWithTheMessageField() {
        LoggerContext ctx = configured(Map.of("LOG_FORMAT", "json"));
        String line = encode(ctx, "json", "io.replicator.volume.VolumeSource", "hello");
        assertThat(line).startsWith("{").contains("\"message\":\"hello\"", "\"logger_name\":\"io.replicator.volume.VolumeSource\"",
                "\"level\":\"INFO\"").endsWith("}\n");
    }

    @Test
    void librariesAreQuieterThanOurs() {
        LoggerContext ctx = configured(Map.of());
        assertThat(ctx.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        assertThat(ctx.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(ctx.getLogger("software.amazon.awssdk.core").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(ctx.getLogger("org.apache.camel.impl").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(ctx.getLogger("io.replicator.summary").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void anExplicitLogbackConfigurationFileIsLeftToLogback() {
        LoggerContext ctx = new LoggerContext();
        assertThat(LogbackSetup.configure(ctx, k -> k.equals("logback.configurationFile") ? "/etc/my-logback.xml" : null, Map.of()))
                .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(ctx.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    private static LoggerContext configured(Map<String, String> env) {
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // what SLF4J's binding gives the real one
        assertThat(LogbackSetup.configure(ctx, k -> null, env)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        return ctx;
    }

    /** What the root logger's console appender named {@code appender} would print for one INFO event. */
    private static String encode(LoggerContext ctx, String appender, String logger, String message) {
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(appender);
        assertThat(console).as("appender " + appender).isNotNull();
        LoggingEvent event = new LoggingEvent(logger, ctx.getLogger(logger), Level.INFO, message, null, null);
        event.setThreadName("main");
        return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    }
}
