package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/** The CLI's log configuration quiets Kafka's known harmless start-up warnings and no others. */
class LogConfigTest {
    private static Configuration config() throws Exception {
        URI uri = LogConfigTest.class.getResource("/log4j2.xml").toURI();
        Configuration c = ConfigurationFactory.getInstance().getConfiguration(new LoggerContext("test"), "cli", uri);
        c.initialize();
        return c;
    }

    private static boolean shown(Configuration c, String logger, Level level, String message) {
        LoggerConfig lc = c.getLoggerConfig(logger);
        if (!lc.getLevel().isLessSpecificThan(level) && lc.getLevel() != level) {
            return false;
        }
        LogEvent event = Log4jLogEvent.newBuilder().setLoggerName(logger).setLevel(level)
                .setMessage(new SimpleMessage(message)).build();
        Filter f = lc.getFilter();
        return f == null || f.filter(event) != Filter.Result.DENY;
    }

    @Test
    void harmlessStartUpWarningsAreQuietAndOthersShow() throws Exception {
        Configuration c = config();
        assertThat(shown(c, "org.apache.kafka.streams.StreamsConfig", Level.WARN,
                "Processing exception handler is not enabled for the GlobalThread. It's recommended to set ...")).isFalse();
        assertThat(shown(c, "org.apache.kafka.streams.StreamsConfig", Level.WARN, "some other config warning")).isTrue();
        assertThat(shown(c, "org.apache.kafka.common.utils.AppInfoParser", Level.WARN, "Error registering AppInfo mbean"))
                .isFalse();
        assertThat(shown(c, "org.apache.kafka.streams.processor.internals.StreamThread", Level.WARN, "a real problem"))
                .isTrue();
        assertThat(shown(c, "io.incidentstreams.enrich.EnrichApp", Level.INFO, "enrich state")).isTrue();
        assertThat(shown(c, "org.apache.kafka.clients.NetworkClient", Level.ERROR, "[AdminClient clientId=incidents-broker-check]"
                + " Connection to node -1 (localhost/127.0.0.1:9092) failed authentication due to: Authentication failed"))
                .as("the broker check's refused authentication is the command's own error").isFalse();
        assertThat(shown(c, "org.apache.kafka.clients.admin.internals.AdminMetadataManager", Level.WARN,
                "[AdminClient clientId=incidents-broker-check] Fatal error during metadata update")).isFalse();
        assertThat(shown(c, "org.apache.kafka.clients.NetworkClient", Level.ERROR, "[Producer clientId=p-1]"
                + " Connection to node 1 (localhost/127.0.0.1:9092) failed authentication due to: Authentication failed"))
                .as("other clients' authentication failures show").isTrue();
        assertThat(shown(c, "io.incidentstreams.enrich.EnrichApp", Level.DEBUG, "enrich topology")).isFalse();
    }
}
