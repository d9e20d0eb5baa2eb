package io.incidentstreams.broker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedKafkaBrokerTest {

    @Test
    void uniqueNamesKeepTheBaseAndNeverRepeat() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            names.add(SharedKafkaBroker.uniqueName("enrich-app"));
        }

        assertThat(names).hasSize(1000).allSatisfy(name -> assertThat(name).startsWith("enrich-app-"));
    }

    @Test
    void uniqueNamesAreValidTopicNamesWhateverTheBase() {
        String name = SharedKafkaBroker.uniqueName("my test/topic:" + "x".repeat(300));

        assertThat(name).matches("[A-Za-z0-9._-]+").hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void anExternalBrokerIsTakenFromTheSystemProperty() {
        String previous = System.getProperty(SharedKafkaBroker.EXTERNAL_BOOTSTRAP);
        try {
            System.setProperty(SharedKafkaBroker.EXTERNAL_BOOTSTRAP, " broker.example:9092 ");
            assertThat(SharedKafkaBroker.externalBootstrap()).isEqualTo("broker.example:9092");
        } finally {
            if (previous == null) {
                System.clearProperty(SharedKafkaBroker.EXTERNAL_BOOTSTRAP);
            } else {
                System.setProperty(SharedKafkaBroker.EXTERNAL_BOOTSTRAP, previous);
            }
        }
    }

    @Test
    void askingForTheBrokerWithoutTheExtensionExplainsWhatIsMissing() {
        assertThatThrownBy(SharedKafkaBroker::bootstrapServers)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@ExtendWith(SharedKafkaBroker.class)");
    }
}
