package io.incidentstreams.cli;

import io.incidentstreams.config.PipelineConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code incidents} command. Exit codes: 0 success, 1 a run-time failure (broker unreachable, a fatal
 * Kafka error, a timeout), 2 a usage or configuration error.
 */
@Command(name = "incidents", mixinStandardHelpOptions = true, versionProvider = IncidentsCli.Version.class,
        description = "Turns news articles into a deduplicated, linked log of violent incidents on Kafka.",
        subcommands = {DemoCommand.class, BrokerCommand.class, IngestCommand.class, EnrichCommand.class,
                SnapshotCommand.class, TailCommand.class, ServeCommand.class, SinkCommand.class, ReplayCommand.class,
                EvalCommand.class, BenchCommand.class, GazetteerCommand.class, IncidentsCli.ConfigHelpCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  incidents demo                                  the whole pipeline on the samples, in one go",
                "  incidents broker &                              an embedded broker the other commands find",
                "  incidents ingest files samples/                 publish articles",
                "  incidents enrich                                turn them into incidents (until Ctrl-C)",
                "  incidents snapshot --format json                print the live incidents",
                "  incidents serve --enrich                        the API and the timeline page on :8080",
                "  incidents snapshot --bootstrap-servers kafka:9092 --timeout 30s -X topic.prefix=test.",
                "",
                "Settings: --config-file, then KAFKA_* and INCIDENTS_* variables, then flags; 'incidents config' lists them.",
                "Durations: 500ms, 30s, 5m, 1h, 2d or ISO-8601 (PT30S). Times: a date (2026-12-07) or an instant."})
public final class IncidentsCli implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String EXIT_CODES_HEADING = "%nExit codes:%n";
    static final String[] EXIT_CODES = {"0:Success.",
            "1:A run-time failure: the broker is unreachable (reported within startup.timeout.ms), a Kafka error, a"
                    + " timeout, rejected input.",
            "2:A usage or configuration error: an unknown option or setting, a bad value, a missing file."};

    /** Examples shown in a command's own help, by its qualified name. */
    static final Map<String, String[]> EXAMPLES = Map.ofEntries(
            Map.entry("incidents broker", new String[] {"  incidents broker                 run it in the foreground",
                    "  incidents broker --status        is one running on .incidents/broker?",
                    "  incidents broker --stop          stop it",
                    "  incidents broker --secure        SASL_SSL on .incidents/secure-broker; then, for every command:",
                    "  incidents snapshot --config-file .incidents/secure-broker/client.properties"}),
            Map.entry("incidents ingest files", new String[] {"  incidents ingest files samples/ more/article.txt"}),
            Map.entry("incidents enrich", new String[] {"  incidents enrich",
                    "  incidents enrich --bootstrap-servers kafka:9092 -X topic.prefix=test."}),
            Map.entry("incidents snapshot", new String[] {"  incidents snapshot --format json --timeout 30s",
                    "  incidents snapshot --unresolved"}),
            Map.entry("incidents tail", new String[] {"  incidents tail --from-beginning --max 10"}),
            Map.entry("incidents serve", new String[] {"  incidents serve --enrich --port 8080",
                    "  incidents serve --demo"}),
            Map.entry("incidents sink connect-topic", new String[] {"  incidents sink connect-topic",
                    "  incidents sink connect-topic --topic incidents-jdbc --bootstrap-servers kafka:9092"}),
            Map.entry("incidents replay", new String[] {"  incidents replay", "  incidents replay --from 2026-12-07"}),
            Map.entry("incidents config", new String[] {"  incidents config",
                    "  incidents config --config-file prod.properties -X topic.prefix=prod."}));

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
        Cli.commandLine(args);
        CommandLine cli = commandLine()
                .setOut(new java.io.PrintWriter(Cli.OUT, true))
                .setErr(new java.io.PrintWriter(Cli.ERR, true))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof ConfigException) {
                        Cli.err("configuration error: " + e.getMessage());
                        return USAGE;
                    }
                    if (e instanceof CommandLine.ParameterException pe) {
                        Cli.err(pe.getMessage());
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

    /** The command line with the project's converters, and exit codes and examples in every command's help. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new IncidentsCli())
                .registerConverter(Duration.class, new DurationConverter())
                .registerConverter(Instant.class, new InstantConverter());
        cli.setUsageHelpWidth(Math.max(100, cli.getUsageHelpWidth()));
        decorate(cli);
        return cli;
    }

    private static void decorate(CommandLine cmd) {
        CommandLine.Model.UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
        if (usage.exitCodeList().isEmpty()) {
            Map<String, String> codes = new LinkedHashMap<>();
            for (String code : EXIT_CODES) {
                int colon = code.indexOf(':');
                codes.put(code.substring(0, colon), code.substring(colon + 1));
            }
            usage.exitCodeListHeading(EXIT_CODES_HEADING).exitCodeList(codes);
        }
        String[] examples = EXAMPLES.get(cmd.getCommandSpec().qualifiedName());
        if (examples != null && usage.footer().length == 0) {
            usage.footerHeading("%nExamples:%n").footer(examples);
        }
        cmd.getSubcommands().values().forEach(IncidentsCli::decorate);
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

    /** The project's version, as Maven wrote it into {@code version.properties} at build time. */
    static String version() {
        try (InputStream in = IncidentsCli.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            // Fall back to the manifest.
        }
        String v = IncidentsCli.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"incidents " + version(),
                    "Kafka clients " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                            + ", Java " + System.getProperty("java.version")};
        }
    }

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = {"Lists every project setting: its meaning, environment variable, default and effective value.",
                    "The effective value is what a command given the same --config-file, environment and -X would use."})
    static final class ConfigHelpCommand implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() {
            Cli.OUT.print(describe(kafka.layered(System.getenv()), Cli.dataDir()));
            Cli.OUT.flush();
            return OK;
        }

        /** Plain text: one block per key, then the Kafka client properties given. */
        static String describe(Map<String, String> layered, Path dataDir) {
            StringBuilder out = new StringBuilder();
            String bootstrap = layered.get(PipelineConfig.BOOTSTRAP_SERVERS);
            for (ConfigDef.ConfigKey key : new TreeMap<>(PipelineConfig.CONFIG_DEF.configKeys()).values()) {
                String def;
                String effective;
                if (key.name.equals(PipelineConfig.BOOTSTRAP_SERVERS)) {
                    def = "none: the embedded broker in .incidents/broker";
                    effective = bootstrap != null ? bootstrap : "the embedded broker";
                } else if (key.name.equals(PipelineConfig.STATE_DIR)) {
                    def = ".incidents/state/<broker> in the project";
                    effective = layered.containsKey(key.name) ? layered.get(key.name)
                            : Brokers.stateDir(dataDir, bootstrap).toString();
                } else {
                    def = show(key.defaultValue, key.hasDefault());
                    effective = layered.containsKey(key.name) ? layered.get(key.name) : def;
                }
                out.append(key.name).append('\n');
                wrap(out, key.documentation == null ? "" : key.documentation, "  ", 100);
                out.append("  environment: ").append(Settings.envName(key.name)).append('\n');
                out.append("  type:        ").append(key.type.name().toLowerCase(java.util.Locale.ROOT)).append('\n');
                out.append("  default:     ").append(def).append('\n');
                out.append("  effective:   ").append(effective)
                        .append(layered.containsKey(key.name) ? "" : " (default)").append("\n\n");
            }
            Map<String, String> client = new TreeMap<>(layered);
            client.keySet().removeAll(PipelineConfig.CONFIG_DEF.names());
            out.append("Kafka client properties (KAFKA_* variables, the config file, -X), passed to every client:\n");
            if (client.isEmpty()) {
                out.append("  none given\n");
            }
            client.forEach((k, v) -> out.append("  ").append(k).append(" = ")
                    .append(k.contains("password") || k.contains("jaas") || k.contains("secret") ? "[hidden]" : v)
                    .append('\n'));
            return out.toString();
        }

        /** Appends {@code text} in lines of at most {@code width} characters, each after {@code indent}. */
        static void wrap(StringBuilder out, String text, String indent, int width) {
            StringBuilder line = new StringBuilder(indent);
            for (String word : text.strip().split("\\s+")) {
                if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                    out.append(line).append('\n');
                    line = new StringBuilder(indent);
                }
                if (line.length() > indent.length()) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.append(line).append('\n');
        }

        private static String show(Object value, boolean hasDefault) {
            if (!hasDefault || value == null) {
                return "none";
            }
            if (value instanceof Password) {
                return "[hidden]";
            }
            if (value instanceof List<?> list) {
                return String.join(",", list.stream().map(String::valueOf).toList());
            }
            String s = String.valueOf(value);
            return s.isEmpty() ? "\"\" (empty)" : s;
        }
    }
}
