package io.incidentstreams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.serde.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static BenchReport report() {
        return new BenchReport(20_000, 1234.5, 9876.5, 0.125, new BenchReport.Percentiles(80, 150, 210), 300, 2,
                4_000, 617.3, new BenchReport.Percentiles(5_000, 9_000, 9_500), 15_000, 30_000, 1.5, 0.25, List.of(9000.0, 9876.5, 12000.0), 0.5, 0.8, 0.25, 1_500,
                Map.of("mentions-changelog", 1.2, "incidents", 1.4),
                Map.of("processing.guarantee", "exactly_once_v2", "topic.partitions", 4, "max_heap_mb", 512));
    }

    @Test
    void theJsonStartsWithTheAgreedKeysInOrder() throws Exception {
        JsonNode json = Json.MAPPER.readTree(report().toJson());

        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.subList(0, 6)).containsExactly("articles", "pipeline_articles_per_s", "raw_records_per_s",
                "ratio", "latency_ms", "peak_heap_mb");
        assertThat(json.get("articles").asInt()).isEqualTo(20_000);
        assertThat(json.get("pipeline_articles_per_s").asDouble()).isEqualTo(1234.5);
        assertThat(json.get("ratio").asDouble()).isEqualTo(0.125);
        assertThat(json.get("latency_ms").get("p99").asLong()).isEqualTo(210);
        List<String> latencyKeys = new ArrayList<>();
        json.get("latency_ms").fieldNames().forEachRemaining(latencyKeys::add);
        assertThat(latencyKeys).containsExactly("p50", "p95", "p99");
        assertThat(report().toJson()).doesNotContain("\n");
    }

    @Test
    void theTableNamesEveryFigureWithItsUnit() {
        assertThat(report().toTable())
                .contains("20,000 articles, 2 cores, exactly_once_v2, 4 partitions")
                .contains("9,877 records/s (median of [9,000, 9,877, 12,000])").contains("1,235 articles/s").contains("0.13")
                .contains("80 / 150 / 210 ms (4,000 articles at 617/s)").contains("300 MB (max 512 MB)")
                .contains("0.50 ms, 0.80 ms").contains("JIT 0.25 ms").contains("1,500").contains(" 1.20 mentions-changelog").contains(" 1.40 incidents");
    }

    @Test
    void percentilesComeFromTheHistogramAndAreZeroWithoutSamples() {
        Histogram h = new Histogram(3);
        for (int ms = 1; ms <= 100; ms++) {
            h.recordValue(ms);
        }

        assertThat(BenchReport.Percentiles.of(h)).isEqualTo(new BenchReport.Percentiles(50, 95, 99));
        assertThat(BenchReport.Percentiles.of(new Histogram(3))).isEqualTo(new BenchReport.Percentiles(0, 0, 0));
    }
}
