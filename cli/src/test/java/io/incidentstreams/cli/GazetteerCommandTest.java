package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.IncidentMention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code incidents gazetteer import} loads a GeoNames cities file, and the extractor places incidents with it. */
class GazetteerCommandTest {

    @TempDir
    Path dir;

    @Test
    void importsACitiesFileThatTheExtractorThenUses() throws Exception {
        // an invented village in the GeoNames geoname-table format, with its division in admin1CodesASCII format
        Path cities = dir.resolve("cities500.txt");
        Files.writeString(cities, String.join("\t", "9000002", "Kwalu", "Kwalu", "Kwalou", "10.9", "13.8", "P",
                "PPL", "NG", "", "02", "", "", "", "1200", "", "300", "Africa/Lagos", "2024-01-01") + "\n");
        Path admin1 = dir.resolve("admin1CodesASCII.txt");
        Files.writeString(admin1, "NG.02\tLakeland\tLakeland\t9100002\n");
        Path out = dir.resolve("mine.tsv.gz");

        assertThat(IncidentsCli.run("gazetteer", "import", cities.toString(), admin1.toString(), "-o",
                out.toString())).isEqualTo(IncidentsCli.OK);
        assertThat(out).exists();

        Extractor x = Extractor.load(null, List.of(out));
        assertThat(x.rulesVersion()).contains("+gaz.");
        String text = "Gunmen killed four people in Kwalu in Lakeland state, Nigeria, on Monday, police said.";
        List<IncidentMention> ms = x.extract(new Article("a1", "https://example.org/a1", "Village attack",
                "2021-05-11", "example", text, null));
        assertThat(ms).isNotEmpty();
        assertThat(ms.get(0).location().name()).isEqualTo("Kwalu");
        assertThat(ms.get(0).location().country()).isEqualTo("Nigeria");
        assertThat(ms.get(0).location().admin1()).isEqualTo("Lakeland");
        assertThat(ms.get(0).location().lat()).isEqualTo(10.9);
    }

    @Test
    void withoutAnOutputFileItIsAUsageError() {
        assertThat(IncidentsCli.run("gazetteer", "import", "x.txt")).isEqualTo(IncidentsCli.USAGE);
    }
}
