package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.incidentstreams.model.Incident;
import io.incidentstreams.model.Relation;
import io.incidentstreams.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code incidents demo} end to end: its own child-JVM broker, ingest, enrich, snapshot, on real articles. */
class DemoCommandIT {
    /** The real articles beside the repository (../shared/seeds), as in CI. */
    static final Path SEEDS = Path.of("..", "..", "shared", "seeds");

    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    private List<Incident> runDemo(String... args) {
        int code = cli.run(args);
        assertThat(code).as("exit code").isZero();
        return cli.stdout().lines().map(line -> {
            try {
                return Json.MAPPER.readValue(line, Incident.class);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("stdout carries a line that is not an incident: " + line, e);
            }
        }).toList();
    }

    @Test
    void theSeedsYieldTheGreenZoneAttackWithOneDeadLinkedToTheMilitiaTruceOfOctober2020() {
        assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds is not beside the repository");

        List<Incident> incidents = runDemo("demo", "--articles", SEEDS.toString(), "--format", "json");
        Map<String, Incident> byId = incidents.stream().collect(Collectors.toMap(Incident::id, Function.identity()));

        Incident attack = incidents.stream()
                .filter(i -> i.type().code().contains("attack") && "2020-11-17".equals(i.date())
                        && i.location() != null && "Green Zone".equals(i.location().name()))
                .findFirst().orElseThrow(() -> new AssertionError("no Green Zone attack on 2020-11-17 in " + incidents));
        assertThat(attack.killed()).isEqualTo(1);
        Relation link = attack.relations().stream().filter(r -> Relation.BREAKS_TRUCE.equals(r.type())).findFirst()
                .orElseThrow(() -> new AssertionError("no breaks_truce link on " + attack));
        Incident truce = byId.get(link.incidentId());
        assertThat(truce).as("the linked truce is live on the topic").isNotNull();
        assertThat(truce.type().code()).contains("truce");
        assertThat(truce.date()).startsWith("2020-10");
        assertThat(truce.actors()).anySatisfy(a -> assertThat(a.family()).isEqualTo("iran-aligned-militias"));
    }

    @Test
    void theSamplesYieldIncidentsAndStdoutCarriesOnlyIncidentLines() {
        List<Incident> incidents = runDemo("demo", "--articles", Path.of("..", "samples", "articles").toString(),
                "--format", "json");

        assertThat(incidents).isNotEmpty();
        assertThat(incidents).allSatisfy(i -> {
            assertThat(i.id()).startsWith("inc-");
            assertThat(i.sources()).isNotEmpty();
            assertThat(i.rulesVersion()).isNotBlank();
        });
    }

    @Test
    void theSeedsAndSamplesTogetherYieldEachEventOnceCountingTheUndatedReports(@TempDir Path articles)
            throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds is not beside the repository");
        for (Path dir : List.of(SEEDS, Path.of("..", "samples", "articles"))) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, articles.resolve(f.getFileName()));
                }
            }
        }

        List<Incident> incidents = runDemo("demo", "--articles", articles.toString(), "--format", "json");

        // No two live incidents of one type on one day at one place.
        assertThat(incidents.stream().filter(i -> i.date() != null && i.location() != null)
                .collect(Collectors.groupingBy(i -> i.type().code() + " " + i.date() + " " + i.location().name(),
                        Collectors.counting())))
                .allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1L));
        // The undated seed's "Monday" Green Zone attack with no casualties joins the 2021-02-22 one, the only
        // such attack on a Monday, and no undated Green Zone attack is left over.
        Incident monday = incidents.stream().filter(i -> "2021-02-22".equals(i.date()) && i.location() != null
                && "Green Zone".equals(i.location().name())).findFirst().orElseThrow();
        assertThat(monday.sources()).anySatisfy(s -> assertThat(s.publishedAt()).isNull());
        assertThat(incidents).noneMatch(i -> i.date() == null && i.location() != null
                && "Green Zone".equals(i.location().name()));
        // Every report of the strike that killed Soleimani, placeless and undated ones included, is one incident.
        assertThat(incidents.stream().filter(i -> i.targets().contains("Qasem Soleimani")))
                .singleElement().satisfies(i -> {
                    assertThat(i.date()).isEqualTo("2020-01-03");
                    assertThat(i.articleCount()).isGreaterThanOrEqualTo(5);
                });
        assertThat(incidents).noneMatch(i -> i.date() == null && i.location() == null
                && i.type().code().contains("strike"));
    }
}
