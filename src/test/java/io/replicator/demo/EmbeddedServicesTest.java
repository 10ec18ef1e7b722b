package io.replicator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.replicator.config.ConfigException;
import io.replicator.config.Secret;
import io.replicator.config.Settings;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo's S3 server lives in demo-lib/: its absence is one configuration error naming the property. */
class EmbeddedServicesTest {
    private static Settings.EmbeddedS3 embedded(boolean enabled) {
        return new Settings.EmbeddedS3(enabled, Path.of("data/s3"), "127.0.0.1", 0, new Secret("ak"), new Secret("sk"));
    }

    /** What the service image's class path sees: the JDK and no S3Proxy. */
    private static ClassLoader withoutS3Proxy() {
        return new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
    }

    @Test
    void anEnabledDemoServerWithoutS3ProxyIsOneErrorNamingTheProperty() {
        assertThatThrownBy(() -> EmbeddedServices.requireServer(embedded(true), withoutS3Proxy()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("replicator.embedded-s3.enabled=true")
                .hasMessageContaining("demo-lib/")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aDisabledDemoServerNeedsNoS3Proxy() {
        assertThatCode(() -> EmbeddedServices.requireServer(embedded(false), withoutS3Proxy())).doesNotThrowAnyException();
    }

    @Test
    void s3ProxyOnTheClassPathPasses() {
        assertThatCode(() -> EmbeddedServices.requireServer(embedded(true), getClass().getClassLoader())).doesNotThrowAnyException();
    }
}
