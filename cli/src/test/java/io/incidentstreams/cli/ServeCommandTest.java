package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code incidents serve} refuses contradictory options before it touches a broker. */
class ServeCommandTest {
    @Test
    void aPortOutOfRangeIsAUsageError() {
        assertThat(IncidentsCli.run("serve", "--port", "70000")).isEqualTo(IncidentsCli.USAGE);
    }

    @Test
    void articlesWithoutDemoIsAUsageError() {
        assertThat(IncidentsCli.run("serve", "--articles", "samples/articles")).isEqualTo(IncidentsCli.USAGE);
    }

    @Test
    void demoWithAGivenBrokerIsAUsageError() {
        assertThat(IncidentsCli.run("serve", "--demo", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(IncidentsCli.USAGE);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(IncidentsCli.run("serve", "--colour", "red")).isEqualTo(IncidentsCli.USAGE);
    }
}
