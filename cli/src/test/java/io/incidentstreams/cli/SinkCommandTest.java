package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sink command's help, and that it is listed. */
class SinkCommandTest {
    final CapturedCli cli = new CapturedCli();

    @Test
    void connectTopicIsACommandWithItsHelpExamplesAndExitCodes() {
        assertThat(cli.run("--help")).isEqualTo(IncidentsCli.OK);
        assertThat(cli.stdout()).containsPattern("(?m)^ +sink +Copies the incidents topic");
        assertThat(cli.run("sink", "connect-topic", "--help")).isEqualTo(IncidentsCli.OK);
        assertThat(cli.stdout()).contains("Kafka Connect's JSON format").contains("--topic=NAME")
                .contains("incidents sink connect-topic --topic incidents-jdbc").contains("Exit codes:");
        assertThat(cli.run("sink")).isEqualTo(IncidentsCli.USAGE);
        assertThat(cli.stderr()).contains("connect-topic");
    }
}
