package io.replicator.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged application.properties names every route file one by one (a wildcard in a classpath:
 * location makes Camel read every jar at each start), so a route file added to routes/ must be
 * listed there: this test fails until it is.
 */
class RoutesIncludePatternTest {
    private static String pattern() throws Exception {
        Properties p = new Properties();
        try (InputStream in = RoutesIncludePatternTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return p.getProperty("camel.main.routes-include-pattern");
    }

    private static List<String> routeFilesInRoutesFolder() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("routes"))) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".camel.yaml")).sorted().toList();
        }
    }

    @Test
    void everyRouteFileInRoutesIsListedByNameAndNothingElse() throws Exception {
        List<String> listed = RoutesDir.packaged(pattern());
        assertThat(listed).as("camel.main.routes-include-pattern names classpath:routes/ files, no wildcard")
                .allSatisfy(l -> assertThat(l).startsWith("classpath:routes/").doesNotContain("*"));
        assertThat(listed.stream().map(l -> l.substring("classpath:routes/".length())).sorted().toList())
                .as("the files of routes/ and the ones camel.main.routes-include-pattern lists")
                .containsExactlyElementsOf(routeFilesInRoutesFolder());
    }

    @Test
    void everyListedFileIsOnTheClassPath() throws Exception {
        for (String l : RoutesDir.packaged(pattern())) {
            assertThat(getClass().getResource("/" + l.substring("classpath:".length()))).as(l).isNotNull();
        }
    }

    @Test
    void aWildcardLocationIsStillResolvedToItsFiles() throws Exception {
        assertThat(RoutesDir.packaged("classpath:routes/*.camel.yaml").stream().map(l -> l.substring("classpath:routes/".length()))
                .sorted().toList()).containsExactlyElementsOf(routeFilesInRoutesFolder());
    }
}
