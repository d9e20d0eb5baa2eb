package io.incidentstreams.cli;

import io.incidentstreams.sink.connect.ConnectTopic;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Outputs of the incidents topic for other systems. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Copies the incidents topic into forms other systems take (connect-topic: Kafka Connect sinks).",
        subcommands = {SinkCommand.ConnectTopicCommand.class})
final class SinkCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(Cli.ERR);
        return IncidentsCli.USAGE;
    }

    @Command(name = "connect-topic", mixinStandardHelpOptions = true,
            description = {"Copies the incidents topic, until Ctrl-C, to a compacted topic in Kafka Connect's JSON format with",
                    "schemas (a flat incident in a schema+payload envelope; tombstones stay tombstones), for the JDBC and",
                    "Elasticsearch sink connectors. A restart resumes where it stopped. See docs/connect.md."})
    static final class ConnectTopicCommand implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--topic", paramLabel = "NAME",
                description = "Output topic. Default: incidents-connect under the topic prefix.")
        String topic;

        @Option(names = "--max", defaultValue = "" + Long.MAX_VALUE, paramLabel = "N",
                description = "Stop after N records (incidents and tombstones) are copied.")
        long max;

        @Override
        public Integer call() {
            try (Brokers brokers = Brokers.resolve(kafka, System.getenv(), Cli.dataDir(), Map.of())) {
                String output = ConnectTopic.topicName(brokers.config(), topic);
                ConnectTopic copy = new ConnectTopic(brokers.config(), output);
                Thread main = Thread.currentThread();
                Thread hook = new Thread(() -> {
                    copy.close();
                    try {
                        main.join(5000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Runtime.getRuntime().addShutdownHook(hook);
                Cli.err("copying " + brokers.config().topics().incidents.name() + " to " + output
                        + " (Connect JSON with schemas) until Ctrl-C");
                long copied = copy.run(max);
                Cli.err("copied " + copied + " records");
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is already running: it stops the copy.
                }
            }
            return IncidentsCli.OK;
        }
    }
}
