package io.incidentstreams.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A broker started with {@link KafkaBroker.Builder#secure()}: SASL_SSL with SCRAM-SHA-512 only. One per class. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecureKafkaBrokerIT {
    @TempDir
    static Path dir;

    static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.builder().dataDir(dir.resolve("data")).secure().start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aClientWithTheGivenPropertiesProducesAndConsumesOverSaslSsl() throws Exception {
        Map<String, String> client = broker.clientProperties();
        assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", broker.bootstrapServers());
        assertThat(Path.of(client.get("ssl.truststore.location"))).isRegularFile();
        assertThat(Files.readString(broker.dataDir().resolve(KafkaBroker.SERVER_PROPERTIES)))
                .contains("listeners=SASL_SSL://127.0.0.1:" + broker.port()).doesNotContain("PLAINTEXT://127.0.0.1:" + broker.port());

        Properties props = new Properties();
        props.putAll(client);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic("secured", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("secured", "k", "v")).get(30, TimeUnit.SECONDS);
        }
        Properties consumerProps = new Properties();
        consumerProps.putAll(props);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "secured-group");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("secured"));
            List<ConsumerRecord<String, String>> records = Clients.pollUntil(consumer, 1);
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("v");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAsAnAuthenticationFailure() {
        Properties props = new Properties();
        props.putAll(broker.clientProperties());
        props.putAll(broker.security().clientProperties("not-the-password"));
        try (Admin admin = Admin.create(props)) {
            Throwable thrown = catchThrowable(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
            assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aRestartKeepsTheCredentials() {
        String password = broker.security().password();
        broker.restart();
        assertThat(broker.security().password()).isEqualTo(password);
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.startupTime()).isLessThan(Duration.ofMinutes(1));
    }
}
