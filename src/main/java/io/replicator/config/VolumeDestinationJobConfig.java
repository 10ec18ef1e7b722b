package io.replicator.config;

import java.nio.file.Path;

/** One configured volume destination ({@code replicator.volume-destination.<name>.*}): a TLS-PSK listener. */
public record VolumeDestinationJobConfig(String name, Path path, String bindAddress, int port, Path keyFile,
                                         VolumeSourceJobConfig.Timeouts timeouts) { }
