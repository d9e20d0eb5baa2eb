package io.incidentstreams.cli;

import io.incidentstreams.config.PipelineConfig;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code incidents} command. Exit codes: 0 success, 1 a run-time failure (broker unreachable, a fatal
 * Kafka error, a timeout), 2 a usage or configuration error.
 */
@Command(name = "incidents", mixinStandardHelpOptions = true, versionProvider = IncidentsCli.Version.class,
        description = "Turns news articles into a deduplicated, linked log of violent incidents on Kafka.",
        subcommands = {DemoCommand.class, BrokerCommand.class, IngestCommand.class, EnrichCommand.class,
                SnapshotCommand.class, TailCommand.class, ServeCommand.class, ReplayCommand.class, EvalCommand.class,
                BenchCommand.class, GazetteerCommand.class, IncidentsCli.ConfigHelpCommand.class,
                CommandLine.HelpCommand.class})
public final class IncidentsCli implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(Cli.ERR);
        return USAGE;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new IncidentsCli())
                .setOut(new java.io.PrintWriter(Cli.OUT, true))
                .setErr(new java.io.PrintWriter(Cli.ERR, true))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof ConfigException) {
                        Cli.err("configuration error: " + e.getMessage());
                        return USAGE;
                    }
                    Cli.err("error: " + message(e));
                    if (Boolean.getBoolean("incidents.debug")) {
                        e.printStackTrace(Cli.ERR);
                    }
                    return FAILED;
                });
        return cli.execute(args);
    }

    static String message(Throwable e) {
        Throwable t = e;
        String msg = t.getMessage();
        while ((msg == null || t instanceof KafkaException) && t.getCause() != null && t.getCause() != t) {
            if (msg != null && t.getCause().getMessage() == null) {
                break;
            }
            t = t.getCause();
            msg = msg == null ? t.getMessage() : msg + ": " + t.getMessage();
        }
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = IncidentsCli.class.getPackage().getImplementationVersion();
            return new String[] {"incidents " + (v == null ? "dev" : v)};
        }
    }

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = "Lists every project configuration key with its type, default and meaning.")
    static final class ConfigHelpCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            Cli.OUT.println(PipelineConfig.describe());
            return OK;
        }
    }
}
