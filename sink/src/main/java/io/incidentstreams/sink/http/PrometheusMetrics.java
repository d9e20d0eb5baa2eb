package io.incidentstreams.sink.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The figures of {@code /metrics/prometheus}, in the Prometheus text exposition format: every request's count and
 * latency ({@code http_server_requests_seconds}, by method, route, status), the view's lag and records, stream
 * clients, and the Kafka client metrics of the view's consumer ({@code kafka_consumer_*}).
 */
final class PrometheusMetrics {
    /** The text exposition format, version 0.0.4, which every Prometheus server reads. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String START = "incidents.metrics.start";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    PrometheusMetrics(IncidentView view, Supplier<Integer> streamClients) {
        Gauge.builder("incidents.view.lag", view, v -> ((Number) v.metrics().get("lagTotal")).doubleValue())
                .description("records of the incidents topic the view has not read yet").baseUnit("records")
                .register(registry);
        Gauge.builder("incidents.view.records.read", view, v -> ((Number) v.metrics().get("recordsRead")).doubleValue())
                .description("records the view has read since start").baseUnit("records").register(registry);
        Gauge.builder("incidents.view.caught.up", view, v -> v.isCaughtUp() ? 1 : 0)
                .description("1 once the view has read the topic to the end it had at start").register(registry);
        Gauge.builder("incidents.view.incidents", view, v -> v.index().counts().get("incidents"))
                .description("live incidents in the view").register(registry);
        Gauge.builder("incidents.http.stream.clients", streamClients, s -> s.get())
                .description("open Server-Sent Events clients").register(registry);
        view.bindClientMetrics(registry);
    }

    void before(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    void after(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        int status = ctx.status().getCode();
        Timer.builder("http.server.requests")
                .description("HTTP requests served, by method, route and status")
                .tag("method", ctx.method().name())
                .tag("uri", route(ctx, status))
                .tag("status", String.valueOf(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** The route template (/incidents/{id}), never the raw path, so that the label's values stay few. */
    private static String route(Context ctx, int status) {
        Endpoint endpoint = null;
        try {
            endpoint = ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException e) {
            // no endpoint matched: a static file, or nothing
        }
        if (endpoint != null && endpoint.path != null && !endpoint.path.equals("*")) {
            return endpoint.path;
        }
        return status == 404 ? "NOT_FOUND" : "static";
    }

    void scrape(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }
}
