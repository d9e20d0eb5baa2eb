package io.incidentstreams.cli;

import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.watch.FolderWatcher;
import io.incidentstreams.ingest.watch.WatchListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Publishes article files as they appear in a folder, until Ctrl-C. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Publishes article files (sample text, JSON Lines) as they appear in a folder, until Ctrl-C.",
                "A file is read once its size and modification time have not changed for --settle; write under a "
                        + "hidden or .tmp/.part name and rename into place to be safe at any speed.",
                "Files already published (by this or an earlier run) are remembered on the ingest-state topic and "
                        + "not published again; a changed file publishes only its new or changed articles.",
                "Symbolic links in the folder are never read; each is reported once."})
final class WatchIngestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "DIR", description = "The folder to watch (subfolders included).")
    Path dir;

    @Option(names = "--settle", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2s",
            description = "How long a file must stay unchanged before it is read (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--scan-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "1s", description = "Time between two scans of the folder (default: ${DEFAULT-VALUE}).")
    Duration scanInterval;

    @Option(names = "--once", description = "Publish what the folder holds once it has settled, then exit.")
    boolean once;

    @Option(names = "--instance", paramLabel = "NAME",
            description = "Names this watcher: its Kafka transactional id is <topic prefix>incident-streams-watch-NAME "
                    + "(default: a hash of the folder's absolute path).")
    String instance;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a directory: " + dir);
        }
        FolderWatcher.Settings settings;
        try {
            settings = new FolderWatcher.Settings(settle, scanInterval, FolderWatcher.Settings.defaults().commitEvery());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path folder = dir.toAbsolutePath().normalize();
        String name = instance != null ? instance : shortHash(folder.toString());
        AtomicInteger failures = new AtomicInteger();
        return LedgerRun.run(kafka, "watch", name,
                List.of(FolderWatcher.FILE_KEY_PREFIX, FolderWatcher.ARTICLE_KEY_PREFIX), (ledger, ticker) -> {
                    FolderWatcher watcher = new FolderWatcher(folder, settings, IngestOptions.defaults(), ledger,
                            ticker, new WatchListener() {
                                @Override
                                public void published(Path file, int published, int unchanged, int rejected) {
                                    Cli.err("watch: " + file + ": published " + published + ", already published "
                                            + unchanged + ", rejected " + rejected);
                                }

                                @Override
                                public void skipped(Path file, String reason) {
                                    Cli.err("watch: skipped " + file + ": " + reason);
                                }

                                @Override
                                public void failed(Path file, String reason) {
                                    failures.incrementAndGet();
                                    Cli.err("watch: " + file + ": " + reason);
                                }
                            });
                    Cli.err("watch: " + folder + " as " + ledger.transactionalId() + (once ? "" : "; Ctrl-C stops"));
                    if (once) {
                        watcher.runOnce();
                    } else {
                        watcher.run();
                    }
                }, ledger -> {
                    Cli.err("watch: published " + ledger.published() + ", dead-lettered " + ledger.deadLettered());
                    return failures.get() > 0 || ledger.deadLettered() > 0 ? IncidentsCli.FAILED : IncidentsCli.OK;
                });
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
