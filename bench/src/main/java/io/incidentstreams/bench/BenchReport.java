package io.incidentstreams.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.incidentstreams.serde.Json;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The figures of one {@link PipelineBenchmark} run. The first six JSON keys are the contract; the others describe
 * the run. See {@code docs/benchmarks.md} for the definition of each figure.
 *
 * @param articles              articles in the throughput phase
 * @param pipelineArticlesPerS  articles over the time from the first publish to the last incident received
 * @param rawRecordsPerS        the same articles produced to a plain topic with ingest's producer settings and
 *                              consumed back, over the time from the first send to the last record received
 * @param ratio                 pipeline over raw
 * @param latencyMs             publish to first visible incident upsert per article, paced phase
 * @param peakHeapMb            highest heap in use of the benchmark's JVM (ingest, enrich, measuring clients)
 * @param cores                 processors available to this JVM (the broker's JVM shares them)
 * @param latencyArticles       articles measured in the latency phase
 * @param latencyRatePerS       publish rate of the latency phase
 * @param burstLatencyMs        the same latency for the articles of the throughput phase, published all at once:
 *                              mostly queueing time
 * @param incidents             live incidents at the end
 * @param incidentRecords       incident records (upserts and tombstones) written
 * @param pipelineCpuMsPerArticle CPU time of this JVM and the broker's per article in the throughput phase: less
 *                              sensitive than wall-clock rates to other work on a shared machine
 * @param rawCpuMsPerRecord     the same for the raw phase
 * @param rawPassesPerS         the rate of each raw pass; {@code raw_records_per_s} is their median
 * @param brokerCpuMsPerArticle the broker's part of {@code pipeline_cpu_ms_per_article}
 * @param streamThreadCpuMsPerArticle the part of enrich's stream threads: extraction, dedup, merge, their serdes
 *                              and state stores, and the Kafka clients' work on those threads
 * @param jitCpuMsPerArticle    CPU of the benchmark JVM's JIT compiler threads per article, in the same phase: the
 *                              part of {@code pipeline_cpu_ms_per_article} that compiles code rather than runs it
 * @param commits               commits of enrich in the throughput phase: each one is a transaction, with a marker
 *                              on every partition it wrote to
 * @param offsetsPerArticle     offsets written per article in the throughput phase to each topic enrich writes
 *                              (its changelogs and repartition topic, without the application id, and incidents):
 *                              records and transaction markers
 * @param settings              the settings the run used
 */
@JsonPropertyOrder({"articles", "pipeline_articles_per_s", "raw_records_per_s", "ratio", "latency_ms",
        "peak_heap_mb", "cores", "latency_articles", "latency_rate_per_s", "burst_latency_ms", "incidents",
        "incident_records", "pipeline_cpu_ms_per_article", "raw_cpu_ms_per_record", "raw_passes_per_s",
        "broker_cpu_ms_per_article", "stream_thread_cpu_ms_per_article", "jit_cpu_ms_per_article", "commits",
        "offsets_per_article", "settings"})
public record BenchReport(
        @JsonProperty("articles") int articles,
        @JsonProperty("pipeline_articles_per_s") double pipelineArticlesPerS,
        @JsonProperty("raw_records_per_s") double rawRecordsPerS,
        @JsonProperty("ratio") double ratio,
        @JsonProperty("latency_ms") Percentiles latencyMs,
        @JsonProperty("peak_heap_mb") long peakHeapMb,
        @JsonProperty("cores") int cores,
        @JsonProperty("latency_articles") long latencyArticles,
        @JsonProperty("latency_rate_per_s") double latencyRatePerS,
        @JsonProperty("burst_latency_ms") Percentiles burstLatencyMs,
        @JsonProperty("incidents") long incidents,
        @JsonProperty("incident_records") long incidentRecords,
        @JsonProperty("pipeline_cpu_ms_per_article") double pipelineCpuMsPerArticle,
        @JsonProperty("raw_cpu_ms_per_record") double rawCpuMsPerRecord,
        @JsonProperty("raw_passes_per_s") List<Double> rawPassesPerS,
        @JsonProperty("broker_cpu_ms_per_article") double brokerCpuMsPerArticle,
        @JsonProperty("stream_thread_cpu_ms_per_article") double streamThreadCpuMsPerArticle,
        @JsonProperty("jit_cpu_ms_per_article") double jitCpuMsPerArticle,
        @JsonProperty("commits") long commits,
        @JsonProperty("offsets_per_article") Map<String, Double> offsetsPerArticle,
        @JsonProperty("settings") Map<String, Object> settings) {

    /** Latency percentiles in milliseconds. */
    @JsonPropertyOrder({"p50", "p95", "p99"})
    public record Percentiles(long p50, long p95, long p99) {
        static Percentiles of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return new Percentiles(0, 0, 0);
            }
            return new Percentiles(h.getValueAtPercentile(50), h.getValueAtPercentile(95), h.getValueAtPercentile(99));
        }

        String describe() {
            return p50 + " / " + p95 + " / " + p99 + " ms";
        }
    }

    /** One line of JSON. */
    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table for people. */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "incidents bench: %,d articles, %d cores, %s, %s partitions%n",
                articles, cores, settings.get("processing.guarantee"), settings.get("topic.partitions")));
        row(out, "raw Kafka, same run", String.format(Locale.ROOT, "%,.0f records/s (median of %s)", rawRecordsPerS,
                rawPassesPerS.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).toList()));
        row(out, "pipeline", String.format(Locale.ROOT, "%,.0f articles/s", pipelineArticlesPerS));
        row(out, "ratio", String.format(Locale.ROOT, "%.2f", ratio));
        row(out, "latency p50 / p95 / p99", latencyMs.describe() + String.format(Locale.ROOT,
                " (%,d articles at %,.0f/s)", latencyArticles, latencyRatePerS));
        row(out, "burst latency p50 / p95 / p99", burstLatencyMs.describe());
        row(out, "CPU per article / raw record", String.format(Locale.ROOT, "%.2f / %.2f ms (this JVM and the broker)",
                pipelineCpuMsPerArticle, rawCpuMsPerRecord));
        row(out, "CPU per article: broker, stream", String.format(Locale.ROOT,
                "%.2f ms, %.2f ms (enrich's stream threads); JIT %.2f ms",
                brokerCpuMsPerArticle, streamThreadCpuMsPerArticle, jitCpuMsPerArticle));
        row(out, "enrich commits", String.format(Locale.ROOT, "%,d", commits));
        offsetsPerArticle.forEach((topic, n) -> row(out, "offsets per article", String.format(Locale.ROOT, "%5.2f %s", n, topic)));
        row(out, "peak heap", String.format(Locale.ROOT, "%d MB (max %s MB)", peakHeapMb, settings.get("max_heap_mb")));
        row(out, "incidents", String.format(Locale.ROOT, "%,d live, %,d records", incidents, incidentRecords));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "  %-31s %s%n", name, value));
    }
}
