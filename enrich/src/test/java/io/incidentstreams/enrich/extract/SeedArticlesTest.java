package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.model.Article;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Evidence;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Relation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance facts on the four real pages in the shared seeds folder, read at test time and never copied into the
 * project.
 */
class SeedArticlesTest {

    private static final Path SEEDS = Path.of("../../shared/seeds");
    private static final Pattern DATE_PREFIX = Pattern.compile("^ date (\\d{4}-\\d{2}-\\d{2}) ");
    private static final Extractor X = Extractor.load(null);

    @BeforeAll
    static void seedsPresent() {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "seed articles not available at " + SEEDS.toAbsolutePath());
    }

    /** Reads a seed file, taking a leading " date YYYY-MM-DD " as the publication date. */
    static Article seed(String prefix) throws IOException {
        Path file;
        try (Stream<Path> files = Files.list(SEEDS)) {
            file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = DATE_PREFIX.matcher(raw);
        String published = null;
        String text = raw;
        if (m.lookingAt()) {
            published = m.group(1);
            text = raw.substring(m.end());
        }
        return new Article(file.getFileName().toString(), null, null, published, null, text, file.toString());
    }

    private static List<IncidentMention> extract(String prefix) throws IOException {
        return X.extract(seed(prefix));
    }

    private static IncidentMention find(List<IncidentMention> ms, String what, Predicate<IncidentMention> p) {
        return ms.stream().filter(p).findFirst()
                .orElseThrow(() -> new AssertionError("no mention for " + what + " in " + ms));
    }

    private static boolean at(IncidentMention m, String place) {
        return m.location() != null && place.equals(m.location().name());
    }

    private static boolean hasCue(IncidentMention m, String relation) {
        return m.cues().stream().anyMatch(c -> c.relation().equals(relation));
    }

    @Test
    void greenZoneChildKilledEndsTheOctoberTruce() throws IOException {
        List<IncidentMention> ms = extract("000_");
        IncidentMention attack = find(ms, "Green Zone rockets", m -> m.type().isViolent() && at(m, "Green Zone"));
        assertThat(attack.location().city()).isEqualTo("Baghdad");
        assertThat(attack.type().code()).contains("attack");
        assertThat(attack.date()).isEqualTo("2020-11-17");
        assertThat(attack.datePrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(attack.killed()).isEqualTo(1);
        assertThat(attack.wounded()).isGreaterThanOrEqualTo(5);
        assertThat(attack.weapons()).contains("rocket");
        assertThat(attack.actors()).anySatisfy(a -> {
            assertThat(a.role()).isEqualTo("perpetrator");
            assertThat(a.status()).isEqualTo("unclaimed");
        });
        assertThat(attack.background()).isFalse();
        assertThat(hasCue(attack, Relation.BREAKS_TRUCE)).isTrue();

        IncidentMention truce = find(ms, "truce", m -> m.type() == IncidentType.TRUCE);
        assertThat(truce.type().code()).isEqualTo("agreement_truce");
        assertThat(truce.date()).isEqualTo("2020-10");
        assertThat(truce.datePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(truce.actors()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("Iran-backed militias");
            assertThat(a.family()).isEqualTo("iran-aligned-militias");
            assertThat(a.role()).isEqualTo("party");
        });
        assertThat(ms.stream().filter(m -> m.type() == IncidentType.TRUCE)).hasSize(1);
    }

    @Test
    void rocketsNearTheGreenZoneTheNightAfterIransMissiles() throws IOException {
        List<IncidentMention> ms = extract("001_");
        IncidentMention rockets = find(ms, "Green Zone rockets", m -> at(m, "Green Zone"));
        assertThat(rockets.date()).isEqualTo("2020-01-08");
        assertThat(rockets.killed()).isZero();
        assertThat(rockets.wounded()).isZero();
        assertThat(rockets.weapons()).contains("rocket");

        IncidentMention missiles = find(ms, "Iran's missile strikes",
                m -> m.weapons().contains("missile") && m.actors().stream().anyMatch(a -> a.name().equals("Iran")));
        assertThat(missiles.actors()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("Iran");
            assertThat(a.role()).isEqualTo("perpetrator");
        });
        assertThat(missiles.date()).isIn("2020-01-07", "2020-01-08");
        assertThat(missiles.background()).isTrue();
        // "numerous rocket attacks in recent months" and "frequently the target" are not incidents
        assertThat(ms).hasSize(2);
    }

    @Test
    void undatedGreenZoneAttackAndTheAttacksItRecalls() throws IOException {
        Article a = seed("002_");
        assertThat(a.publishedAt()).isNull();
        List<IncidentMention> ms = X.extract(a);

        IncidentMention main = find(ms, "the Green Zone attack launched from al-Salam",
                m -> at(m, "Green Zone") && !m.background());
        assertThat(main.killed()).isZero();
        assertThat(main.weekday()).as("launched on Monday").isEqualTo("MONDAY");
        assertThat(ms).noneMatch(m -> at(m, "al-Salam neighbourhood"));

        IncidentMention erbil = find(ms, "Erbil", m -> at(m, "Erbil"));
        assertThat(erbil.killed()).isEqualTo(2);
        IncidentMention balad = find(ms, "Balad Air Base", m -> at(m, "Balad Air Base"));
        assertThat(balad.wounded()).isEqualTo(1);
        assertThat(balad).isNotSameAs(erbil);
        assertThat(balad.mentionId()).isNotEqualTo(erbil.mentionId());

        IncidentMention november = find(ms, "November Green Zone attack",
                m -> at(m, "Green Zone") && Integer.valueOf(1).equals(m.killed()));
        assertThat(hasCue(november, Relation.BREAKS_TRUCE)).isTrue();
        assertThat(november.background()).isTrue();

        IncidentMention truce = find(ms, "October ceasefire", m -> m.type() == IncidentType.TRUCE);
        assertThat(truce.actors()).anySatisfy(x -> assertThat(x.family()).isEqualTo("iran-aligned-militias"));

        // no publication date and no year in the text: no date is guessed
        assertThat(ms).allSatisfy(m -> {
            assertThat(m.date()).isNull();
            assertThat(m.datePrecision()).isNull();
        });
    }

    @Test
    void campTajiWithTheDecemberAttackAndAFebruaryTeaser() throws IOException {
        List<IncidentMention> ms = extract("003_");
        IncidentMention taji = find(ms, "Camp Taji", m -> at(m, "Camp Taji"));
        assertThat(taji.date()).isEqualTo("2020-03-11");
        assertThat(taji.killed()).isEqualTo(3);
        assertThat(taji.background()).isFalse();
        assertThat(taji.killed()).isNotEqualTo(15); // "more than 15 small rockets" counts rockets

        IncidentMention december = find(ms, "December rocket attack", m -> "2019-12".equals(m.date()));
        assertThat(december.datePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(december.killed()).isEqualTo(1);
        assertThat(december.background()).isTrue();
        assertThat(december.actors()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("Kataib Hezbollah");
            assertThat(a.role()).isEqualTo("perpetrator");
        });

        IncidentMention february = find(ms, "February Green Zone teaser", m -> at(m, "Green Zone"));
        assertThat(february.date()).isEqualTo("2020-02-16");
        assertThat(february.background()).isTrue();

        IncidentMention soleimani = find(ms, "the drone strike against Soleimani",
                m -> m.type() == IncidentType.AIR_DRONE_STRIKE);
        assertThat(soleimani.persons()).containsExactly("Qasem Soleimani");
        assertThat(soleimani.background()).isTrue();
    }

    @Test
    void everySeedMentionHasEvidenceInsideItsArticle() throws IOException {
        for (String prefix : List.of("000_", "001_", "002_", "003_")) {
            Article a = seed(prefix);
            for (IncidentMention m : X.extract(a)) {
                assertThat(m.evidence()).as(m.mentionId()).isNotEmpty();
                for (Evidence e : m.evidence()) {
                    assertThat(a.text().substring(e.start(), e.end())).isEqualTo(e.sentence());
                    assertThat(e.sentence()).contains(e.text());
                }
                assertThat(m.mentionId()).startsWith(a.id() + "#");
                assertThat(m.rulesVersion()).isEqualTo(X.rulesVersion());
            }
        }
    }
}
