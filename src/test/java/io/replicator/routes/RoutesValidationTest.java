package io.replicator.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Build-time validation of routes/*.camel.yaml: against the YAML DSL JSON schema that ships in
 * camel-yaml-dsl (what Kaoto and Camel JBang check), then by Camel's own YAML loader.
 */
class RoutesValidationTest {
    private static final Path ROUTES = Path.of("routes");

    static List<Path> routeFiles() throws Exception {
        try (Stream<Path> s = Files.list(ROUTES)) {
            return s.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void matchesTheYamlDslSchema(Path file) throws Exception {
        JsonSchema schema;
        try (InputStream in = DefaultCamelContext.class.getClassLoader().getResourceAsStream("schema/camelYamlDsl.json")) {
            assertThat(in).as("schema/camelYamlDsl.json on the classpath").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        JsonNode routes = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        Set<ValidationMessage> errors = schema.validate(routes);
        assertThat(errors).as(file + " against the Camel YAML DSL schema").isEmpty();
    }

    @Test
    void camelLoadsEveryFileAndTheTemplatesInstantiate() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            for (Path f : routeFiles()) {
                PluginHelper.getRoutesLoader(ctx).loadRoutes(ResourceHelper.resolveResource(ctx, "file:" + f));
            }
            TemplatedRouteBuilder.builder(ctx, "bucket-sync").routeId("bucket-sync-x")
                    .parameter("job", "x").parameter("trigger", "x").parameter("cron", "0 0 5 * * ?").parameter("timeZone", "UTC").add();
            assertThat(ctx.getRouteDefinitions()).extracting(r -> r.getRouteId())
                    .contains("bucket-sync-run", "job-report", "bucket-sync-x");
            assertThat(ctx.getRouteDefinition("bucket-sync-x").getTemplateParameters())
                    .containsEntry("job", "x").containsEntry("cron", "0 0 5 * * ?");
        }
    }
}
