package io.incidentstreams.cli;

import io.incidentstreams.ingest.feed.FeedListener;
import io.incidentstreams.ingest.feed.FeedPoller;
import io.incidentstreams.ingest.feed.FeedSettings;
import io.incidentstreams.ingest.feed.FeedsFile;
import io.incidentstreams.ingest.feed.HttpFetcher;
import io.incidentstreams.model.Article;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Polls RSS and Atom feeds and publishes new items to the raw-articles topic, until Ctrl-C. */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = {"Polls RSS and Atom feeds and publishes each new item to the raw-articles topic, until Ctrl-C.",
                "Items already published (by this or an earlier run) are remembered on the ingest-state topic and "
                        + "never published twice.",
                "Hosts that resolve to loopback, link-local or private addresses are refused unless "
                        + "--allow-private-hosts is given.",
                "Options also read the environment: INCIDENTS_FEEDS_FILE, INCIDENTS_FEED_INTERVAL, "
                        + "INCIDENTS_FEED_FETCH_PAGES, INCIDENTS_FEED_HOST_DELAY, INCIDENTS_FEED_USER_AGENT, "
                        + "INCIDENTS_FEED_ALLOW_PRIVATE_HOSTS."})
final class FeedIngestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "URL", arity = "0..*", description = "Feed URLs (http or https).")
    List<String> urls = new ArrayList<>();

    @Option(names = "--feeds-file", paramLabel = "FILE", defaultValue = "${env:INCIDENTS_FEEDS_FILE}",
            description = "File with one feed URL per line; # starts a comment.")
    Path feedsFile;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:INCIDENTS_FEED_INTERVAL:-60s}",
            description = "Time between two polls of one feed (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--fetch-pages", defaultValue = "${env:INCIDENTS_FEED_FETCH_PAGES:-false}", fallbackValue = "true",
            arity = "0..1",
            description = "Fetch each new item's page and publish its text; the summary (with a header saying so) "
                    + "when the page fails.")
    boolean fetchPages;

    @Option(names = "--host-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:INCIDENTS_FEED_HOST_DELAY:-1s}",
            description = "Least time between two requests to one host (default: ${DEFAULT-VALUE}).")
    Duration hostDelay;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "Longest one request may take, body included (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--user-agent", paramLabel = "TEXT",
            defaultValue = "${env:INCIDENTS_FEED_USER_AGENT:-" + HttpFetcher.Settings.DEFAULT_USER_AGENT + "}",
            description = "User-Agent header; add a contact (default: ${DEFAULT-VALUE}).")
    String userAgent;

    @Option(names = "--max-feed-bytes", paramLabel = "N", defaultValue = "" + FeedSettings.DEFAULT_MAX_FEED_BYTES,
            description = "Largest feed read (default: ${DEFAULT-VALUE}).")
    long maxFeedBytes;

    @Option(names = "--max-page-bytes", paramLabel = "N", defaultValue = "" + FeedSettings.DEFAULT_MAX_PAGE_BYTES,
            description = "Largest page read (default: ${DEFAULT-VALUE}).")
    long maxPageBytes;

    @Option(names = "--page-attempts", paramLabel = "N", defaultValue = "" + FeedSettings.DEFAULT_PAGE_ATTEMPTS,
            description = "Tries per page before its summary is published instead (default: ${DEFAULT-VALUE}).")
    int pageAttempts;

    @Option(names = "--allow-private-hosts", defaultValue = "${env:INCIDENTS_FEED_ALLOW_PRIVATE_HOSTS:-false}",
            fallbackValue = "true", arity = "0..1",
            description = "Also fetch feeds and pages from loopback, link-local and private addresses (refused by "
                    + "default, after DNS and after every redirect).")
    boolean allowPrivateHosts;

    @Option(names = "--once", description = "Poll each feed once, then exit (exit code 1 if any feed failed).")
    boolean once;

    @Option(names = "--instance", paramLabel = "NAME", defaultValue = "default",
            description = "Names this poller: its Kafka transactional id is <topic prefix>incident-streams-feed-NAME. "
                    + "A second poller with the same name takes over from the first (default: ${DEFAULT-VALUE}).")
    String instance;

    @Override
    public Integer call() {
        List<URI> feeds = new ArrayList<>();
        try {
            if (feedsFile != null) {
                feeds.addAll(FeedsFile.read(feedsFile));
            }
            for (String url : urls) {
                feeds.add(FeedsFile.parseUrl(url));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (feeds.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no feeds: give URLs or --feeds-file");
        }
        FeedSettings settings;
        HttpFetcher.Settings http;
        try {
            settings = FeedSettings.defaults().withInterval(interval).withFetchPages(fetchPages)
                    .withHostDelay(hostDelay).withLimits(maxFeedBytes, maxPageBytes)
                    .withPageRetries(pageAttempts, FeedSettings.defaults().backoffBase());
            http = HttpFetcher.Settings.defaults().withTimeout(timeout).withUserAgent(userAgent)
                    .withAllowPrivateHosts(allowPrivateHosts);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Progress progress = new Progress();
        return LedgerRun.run(kafka, "feed", instance, List.of(FeedPoller.FEED_ITEM_KEY_PREFIX), (ledger, ticker) -> {
            FeedPoller poller = new FeedPoller(feeds, settings, new HttpFetcher(http), ledger, ticker, new Random(),
                    progress);
            Cli.err("feed: polling " + feeds.size() + " feed(s) every "
                    + (interval.toMillis() % 1000 == 0 ? interval.toSeconds() + " s" : interval.toMillis() + " ms")
                    + (fetchPages ? " with pages" : "") + " as " + ledger.transactionalId()
                    + (once ? "" : "; Ctrl-C stops"));
            if (once) {
                poller.pollEachOnce();
            } else {
                poller.run();
            }
        }, ledger -> {
            Cli.err("feed: published " + ledger.published() + ", dead-lettered " + ledger.deadLettered()
                    + ", feed failures " + progress.failures.get());
            return once && progress.failures.get() > 0 ? IncidentsCli.FAILED : IncidentsCli.OK;
        });
    }

    /** Progress lines on stderr: new items, summaries that stand in for pages, failures. */
    private static final class Progress implements FeedListener {
        final AtomicInteger failures = new AtomicInteger();

        @Override
        public void polled(URI feed, int items, int fresh) {
            if (fresh > 0) {
                Cli.err("feed: " + feed + ": " + fresh + " new of " + items);
            }
        }

        @Override
        public void failed(URI feed, String reason) {
            failures.incrementAndGet();
            Cli.err("feed: " + feed + ": " + reason);
        }

        @Override
        public void published(URI feed, Article article, String pageError) {
            if (pageError != null) {
                Cli.err("feed: " + article.id() + ": summary published, page failed: " + pageError);
            }
        }

        @Override
        public void deadLettered(URI feed, String source, String reason) {
            Cli.err("feed: rejected " + source + ": " + reason);
        }
    }
}
