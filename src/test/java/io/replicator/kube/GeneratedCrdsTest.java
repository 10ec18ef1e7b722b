package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.KubeMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs in k8s/base/crd/ are what fabric8's CRD generator makes of the types in
 * io.replicator.kube.api (crd-generator-maven-plugin writes them to target/crd/ at process-classes).
 */
class GeneratedCrdsTest {
    private static final Path GENERATED = Path.of("target/crd");

    @Test
    void theCommittedCrdsAreTheGeneratedOnes() throws IOException {
        try (Stream<Path> files = Files.list(GENERATED)) {
            var generated = files.filter(f -> f.toString().endsWith("-v1.yml")).sorted().toList();
            assertThat(generated).as("run mvn process-classes first").hasSize(JobResource.PLURALS.size());
            for (Path g : generated) {
                // bucketsyncs.replication.camel-replicator.io-v1.yml -> bucketsyncs.yaml
                Path committed = KubeMockServer.CRD_DIR.resolve(g.getFileName().toString().split("\\.")[0] + ".yaml");
                assertThat(committed).as("%s differs from %s: copy it there", committed, g)
                        .hasSameTextualContentAs(g);
            }
        }
        try (Stream<Path> committed = Files.list(KubeMockServer.CRD_DIR)) {
            assertThat(committed).as("one CRD file per kind in " + KubeMockServer.CRD_DIR).hasSize(JobResource.PLURALS.size());
        }
    }
}
