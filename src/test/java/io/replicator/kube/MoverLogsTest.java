package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MoverLogsTest {

    @Test
    void shortLogsAreKeptWithTheErrorLast() {
        assertThat(MoverLogs.tail(List.of("listed 3 objects", "copied 2"), "403 on bucket b1"))
                .isEqualTo("listed 3 objects\ncopied 2\nerror: 403 on bucket b1");
        assertThat(MoverLogs.tail(List.of("copied 2"), null)).isEqualTo("copied 2");
    }

    @Test
    void longLogsKeepTheLastKibibyteOfWholeLines() {
        List<String> lines = IntStream.range(0, 200).mapToObj(i -> "line " + i + " of the run").toList();
        String tail = MoverLogs.tail(lines, "connection reset");
        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(tail).endsWith("line 199 of the run\nerror: connection reset").startsWith("line ");
        assertThat(tail.lines()).allMatch(l -> l.startsWith("line ") || l.startsWith("error: "));
    }

    @Test
    void aSingleHugeLineIsCutWithoutSplittingCharacters() {
        String tail = MoverLogs.tail(List.of("é".repeat(1000)), null);
        assertThat(tail).matches("é+");
        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isEqualTo(1024);
    }
}
