package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Incident;
import io.incidentstreams.sink.IncidentSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code incidents ingest feed} on the shared broker against a feed served on 127.0.0.1. */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(180)
class FeedIngestIT {
    /** Our own report texts, in the style the extractor reads. */
    static final String BASE_ATTACK = "Three Katyusha rockets struck the Ain al-Asad air base in Anbar province on "
            + "Tuesday evening, wounding two contractors, the coalition said. No group claimed the attack.";
    static final String PATROL_BOMB = "A roadside bomb hit an army patrol near Tarmiyah, north of Baghdad, on "
            + "Wednesday, killing one soldier and wounding three, security officials said.";

    @TempDir
    Path state;

    private PipelineConfig config;
    private String prefix;

    @BeforeEach
    void config() {
        String name = SharedKafkaBroker.uniqueName("feed");
        prefix = name + ".";
        config = TestPipelines.pipeline(SharedKafkaBroker.bootstrapServers(), name, state, Map.of());
    }

    private String[] feedCommand(LocalFeedServer server, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("ingest", "feed", server.feed().toString(),
                "--bootstrap-servers", SharedKafkaBroker.bootstrapServers(), "--topic-prefix", prefix,
                "--host-delay", "0s", "--allow-private-hosts"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void aNewItemInAFeedReachesTheRawTopicAndThenAnIncidentAndTheLatencyIsPrinted() throws Exception {
        Extractor extractor = Extractor.load(null);
        try (LocalFeedServer server = new LocalFeedServer();
             EnrichApp enrich = new EnrichApp(config, extractor::extract, extractor.rulesVersion())) {
            enrich.start();
            AtomicInteger exit = new AtomicInteger(-1);
            Thread poller = new Thread(() -> exit.set(IncidentsCli.run(feedCommand(server, "--interval", "1s"))),
                    "feed-command");
            poller.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> server.requests() >= 2);

            long published = System.nanoTime();
            server.publish("urn:example:base-1117", "Rockets hit Ain al-Asad", "Tue, 17 Nov 2020 19:30:00 +0300",
                    BASE_ATTACK);

            long onRaw = awaitOnRaw("urn:example:base-1117");
            Incident incident = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> IncidentSnapshot.read(config, Duration.ofSeconds(20)).stream()
                            .filter(i -> i.sources().stream().anyMatch(s -> "urn:example:base-1117".equals(s.articleId())))
                            .findFirst().orElse(null), java.util.Objects::nonNull);
            long asIncident = System.nanoTime();
            System.out.printf("feed item to raw topic: %d ms; to incident on the compacted topic: %d ms%n",
                    (onRaw - published) / 1_000_000, (asIncident - published) / 1_000_000);

            poller.interrupt();
            poller.join(Duration.ofSeconds(30).toMillis());
            assertThat(poller.isAlive()).isFalse();
            assertThat(exit).hasValue(IncidentsCli.OK);
            assertThat(incident.location().name()).isEqualTo("Ain al-Asad");
            assertThat(incident.type().code()).contains("attack");
            assertThat(incident.wounded()).isEqualTo(2);
            assertThat(incident.date()).isEqualTo("2020-11-17");
            assertThat(enrich.fatalError()).isNull();
        }
    }

    @Test
    void aRestartRepublishesNothing() throws Exception {
        try (LocalFeedServer server = new LocalFeedServer()) {
            server.publish("urn:example:base-1117", "Rockets hit Ain al-Asad", "Tue, 17 Nov 2020 19:30:00 +0300",
                    BASE_ATTACK);
            server.publish("urn:example:patrol-1118", "Patrol bombed", "Wed, 18 Nov 2020 09:00:00 +0300", PATROL_BOMB);

            assertThat(IncidentsCli.run(feedCommand(server, "--once"))).isZero();
            List<ConsumerRecord<String, Article>> first = RawTopic.readCommitted(config);
            assertThat(first).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("urn:example:base-1117", "urn:example:patrol-1118");

            assertThat(IncidentsCli.run(feedCommand(server, "--once"))).isZero();
            assertThat(RawTopic.readCommitted(config)).as("the same feed polled by a new process").hasSize(2);

            server.publish("urn:example:strike-1119", "Drone strike", "Thu, 19 Nov 2020 08:00:00 +0300",
                    "A drone strike hit a vehicle near the Qaim border crossing on Thursday, killing two members of an"
                            + " armed group, local officials said.");
            assertThat(IncidentsCli.run(feedCommand(server, "--once"))).isZero();
            assertThat(RawTopic.readCommitted(config)).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("urn:example:base-1117", "urn:example:patrol-1118",
                            "urn:example:strike-1119");
            assertThat(server.requests()).isEqualTo(3);
        }
    }

    @Test
    void aFeedOnALoopbackAddressIsRefusedWithoutTheAllowFlag() throws Exception {
        try (LocalFeedServer server = new LocalFeedServer()) {
            server.publish("urn:example:base-1117", "Rockets hit Ain al-Asad", "Tue, 17 Nov 2020 19:30:00 +0300",
                    BASE_ATTACK);

            int exit = IncidentsCli.run("ingest", "feed", server.feed().toString(), "--once",
                    "--bootstrap-servers", SharedKafkaBroker.bootstrapServers(), "--topic-prefix", prefix);

            assertThat(exit).as("a feed that failed").isEqualTo(IncidentsCli.FAILED);
            assertThat(server.requests()).as("never asked").isZero();
            assertThat(RawTopic.readCommitted(config)).isEmpty();
        }
    }

    @Test
    void noFeedsIsAUsageError() {
        assertThat(IncidentsCli.run("ingest", "feed", "--bootstrap-servers", SharedKafkaBroker.bootstrapServers()))
                .isEqualTo(IncidentsCli.USAGE);
        assertThat(IncidentsCli.run("ingest", "feed", "ftp://news.example/feed",
                "--bootstrap-servers", SharedKafkaBroker.bootstrapServers())).isEqualTo(IncidentsCli.USAGE);
    }

    /** Waits until the article is visible to read_committed readers; returns when, in nanoTime. */
    private long awaitOnRaw(String id) {
        Properties props = config.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var topic = config.topics().rawArticles;
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long[] seenAt = {0};
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, Article> r : consumer.poll(Duration.ofMillis(50))) {
                    if (id.equals(r.key())) {
                        seenAt[0] = System.nanoTime();
                    }
                }
                return seenAt[0] != 0;
            });
            return seenAt[0];
        }
    }
}
