package io.incidentstreams.sink.http;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.model.Incident;
import io.incidentstreams.serde.Json;
import io.incidentstreams.topics.SchemaVersion;
import io.incidentstreams.topics.TopicAdmin;
import io.incidentstreams.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real server on a real topic: its own incidents topic (two partitions) on the shared broker, a producer that
 * writes as enrich does, the view and the HTTP server on a free port of 127.0.0.1.
 */
final class ApiFixture implements AutoCloseable {
    final PipelineConfig config;
    final Topics topics;
    final IncidentView view;
    final ApiServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final KafkaProducer<String, byte[]> producer;

    ApiFixture(String name, ApiServer.Options options) {
        config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, SharedKafkaBroker.uniqueName(name) + "."));
        topics = config.topics();
        try (Admin admin = Admin.create(config.clientProperties())) {
            new TopicAdmin(admin, Duration.ofSeconds(30)).ensure(List.of(topics.incidents), 2, (short) -1);
        }
        Properties p = config.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        view = new IncidentView(config, new IncidentIndex()).start();
        server = ApiServer.start(view, options.withPort(0), List.of());
    }

    ApiFixture(String name) {
        this(name, ApiServer.Options.defaults());
    }

    RecordMetadata publish(Incident incident) {
        return send(incident.id(), Topics.INCIDENT_SERDE.toBytes(incident), SchemaVersion.headers(SchemaVersion.INCIDENT));
    }

    RecordMetadata delete(String id) {
        return send(id, null, SchemaVersion.headers(SchemaVersion.INCIDENT));
    }

    RecordMetadata send(String key, byte[] value, Headers headers) {
        try {
            return producer.send(new ProducerRecord<>(topics.incidents.name(), null, key, value, headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    /** Waits until the view has applied the record written at {@code written}. */
    void awaitApplied(RecordMetadata written) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> view.index().position().of(written.partition()) > written.offset());
    }

    URI uri(String pathAndQuery) {
        return server.uri().resolve(pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET();
        if (headers.length > 0) {
            req.headers(headers);
        }
        try {
            return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        server.close();
        view.close();
        producer.close(Duration.ofSeconds(10));
    }
}
