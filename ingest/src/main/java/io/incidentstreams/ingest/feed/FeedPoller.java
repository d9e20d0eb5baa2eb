package io.incidentstreams.ingest.feed;

import io.incidentstreams.ingest.ArticleIds;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.ingest.WebUrls;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.PublicationDates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS and Atom feeds and publishes each item it has not seen before, one Kafka transaction per item (the
 * article, or its dead letter, with its mark on the state topic).
 *
 * <p>One thread serves every feed in turn, each every {@code interval}, through a {@link HostGate}: a host is asked
 * at most once per {@code hostDelay}, and left alone after a 429 or 503 as its Retry-After says (else with
 * jittered exponential backoff). A feed that fails (network, timeout, size, redirect loop, not a feed) is logged
 * with its URL and reason and tried again at its next turn; the other feeds are not held up beyond the failing
 * request's timeout. Conditional GETs use each feed's last ETag and Last-Modified (kept in memory).
 *
 * <p>Article id: the item's guid (Atom id) when it is an absolute URI ({@code https:}, {@code urn:}, {@code tag:}),
 * a guid that is not (a bare number, say) qualified by the feed's host as {@code host#guid} so that two outlets'
 * "1234" stay apart, else the link, else {@code sha256:} of the text, as {@link ArticleIds} does for files.
 * {@code publishedAt} is the item's date (published, else updated) in UTC; with pages, the page's own date when it
 * has one (it keeps the outlet's offset), else the item's. An item whose link is not http or https is
 * dead-lettered, its page never fetched.
 */
public final class FeedPoller {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    public static final String FEED_ITEM_KEY_PREFIX = IngestMark.FEED_ITEM + ":";
    static final String ACCEPT_FEED = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            + "text/xml;q=0.9, */*;q=0.5";
    static final String ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
    private static final Pattern ABSOLUTE_URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$");

    private final List<FeedState> feeds;
    private final FeedSettings settings;
    private final HttpFetcher fetcher;
    private final Ledger ledger;
    private final Ticker ticker;
    private final RandomGenerator random;
    private final HostGate gate;
    private final FeedListener listener;

    public FeedPoller(List<URI> feeds, FeedSettings settings, HttpFetcher fetcher, Ledger ledger, Ticker ticker,
                      RandomGenerator random, FeedListener listener) {
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("no feeds to poll");
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = listener == null ? FeedListener.NONE : listener;
        this.gate = new HostGate(settings.hostDelay(), settings.backoffBase(), settings.maxBackoff(), ticker, random);
        long now = ticker.nanos();
        Map<URI, FeedState> unique = new LinkedHashMap<>();
        for (URI uri : feeds) {
            unique.putIfAbsent(uri, new FeedState(uri, now));
        }
        this.feeds = List.copyOf(unique.values());
    }

    /** The mark key of an article id published from a feed. */
    public static String markKey(String articleId) {
        return FEED_ITEM_KEY_PREFIX + articleId;
    }

    /** Polls every feed at its turn until the ticker is stopped. */
    public void run() throws InterruptedException {
        while (!ticker.stopped()) {
            long now = ticker.nanos();
            FeedState next = Collections.min(feeds, Comparator.comparingLong(f -> effectiveDue(f, now)));
            long wait = effectiveDue(next, now) - now;
            if (wait > 0 && !ticker.sleep(Duration.ofNanos(wait))) {
                return;
            }
            poll(next);
        }
    }

    /** When a feed may next be polled: its turn, or later when its host is closed after throttling. */
    private long effectiveDue(FeedState feed, long now) {
        return Math.max(feed.due, now + gate.waitFor(feed.host).toNanos());
    }

    /**
     * Polls each feed once, in order, then returns. Politeness applies; a feed whose host is closed for longer than
     * {@code maxPageWait} after throttling is skipped and reported.
     */
    public void pollEachOnce() throws InterruptedException {
        for (FeedState feed : feeds) {
            if (ticker.stopped()) {
                return;
            }
            Duration closed = gate.waitFor(feed.host);
            if (closed.compareTo(settings.maxPageWait()) > 0) {
                fail(feed, "skipped: host closed for " + closed.toSeconds() + " s after throttling");
                continue;
            }
            poll(feed);
        }
    }

    private void poll(FeedState feed) throws InterruptedException {
        if (!gate.acquire(feed.host)) {
            return;
        }
        FetchResult result = fetcher.get(feed.uri, feed.validators, settings.maxFeedBytes(), ACCEPT_FEED);
        long now = ticker.nanos();
        feed.due = now + settings.interval().toNanos();
        if (result instanceof FetchResult.Ok ok) {
            gate.succeeded(feed.host);
            feed.validators = ok.validators();
            ParsedFeed parsed;
            try {
                parsed = FeedParser.parse(ok.body(), ok.contentType(), ok.uri());
            } catch (FeedParseException e) {
                fail(feed, e.getMessage());
                return;
            }
            publishNew(feed, parsed);
        } else if (result instanceof FetchResult.NotModified) {
            gate.succeeded(feed.host);
            log.debug("{}: not modified", feed.uri);
            listener.notModified(feed.uri);
        } else if (result instanceof FetchResult.Throttled throttled) {
            Duration wait = gate.throttled(feed.host, throttled.retryAfter());
            feed.due = Math.max(feed.due, now + wait.toNanos());
            fail(feed, "HTTP " + throttled.status() + (throttled.retryAfter() == null ? ""
                    : " with Retry-After " + throttled.retryAfter().toSeconds() + " s")
                    + "; host left alone for " + HttpFetcher.seconds(wait.withNanos(0)));
        } else if (result instanceof FetchResult.Failed failed) {
            fail(feed, failed.reason());
        }
    }

    private void fail(FeedState feed, String reason) {
        log.warn("feed {}: {}", feed.uri, reason);
        listener.failed(feed.uri, reason);
    }

    private void publishNew(FeedState feed, ParsedFeed parsed) throws InterruptedException {
        List<FeedItem> items = new ArrayList<>(parsed.items());
        Collections.reverse(items); // feeds list the newest first: publish in the order they were written
        int fresh = 0;
        for (FeedItem item : items) {
            if (ticker.stopped()) {
                break;
            }
            String id = articleId(item, feed.uri);
            if (id == null || ledger.seen(markKey(id))) {
                continue;
            }
            LedgerBatch batch = itemBatch(feed.uri, parsed, item, id);
            if (batch == null) {
                break; // stopped while fetching the page: the item stays unseen
            }
            ledger.commit(batch);
            fresh++;
            for (LedgerBatch.Outgoing out : batch.articles()) {
                listener.published(feed.uri, out.article(), out.headers().get(FeedHeaders.PAGE_ERROR));
            }
            for (ReadResult.Rejected r : batch.deadLetters()) {
                listener.deadLettered(feed.uri, r.source(), r.reason());
            }
        }
        log.debug("{}: {} items, {} new", feed.uri, items.size(), fresh);
        listener.polled(feed.uri, items.size(), fresh);
    }

    /** The article id of an item; null only for an item with no guid, link, title or summary. */
    static String articleId(FeedItem item, URI feed) {
        String guid = item.guid();
        if (guid != null && !ABSOLUTE_URI.matcher(guid).matches()) {
            guid = HostGate.hostOf(feed) + "#" + guid;
        }
        String text = item.summary() != null ? item.summary() : item.title();
        if (guid == null && item.link() == null && (text == null || text.isBlank())) {
            return null;
        }
        return ArticleIds.idFor(guid, item.link(), text);
    }

    /** The batch of one new item: its article, or its dead letter, and its mark; null when stopped meanwhile. */
    private LedgerBatch itemBatch(URI feed, ParsedFeed parsed, FeedItem item, String id)
            throws InterruptedException {
        String itemDate = item.published() == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(item.published().atOffset(ZoneOffset.UTC));
        String summary = item.summary() != null ? item.summary() : item.title();
        if (item.link() != null && !WebUrls.isWebUrl(item.link())) {
            return new LedgerBatch()
                    .deadLetter(new ReadResult.Rejected(feed + " item " + id, "item link: " + WebUrls.reason(item.link()),
                            null))
                    .mark(markKey(id), new IngestMark(IngestMark.FEED_ITEM, feed.toString(), null, null, null,
                            Instant.now().toString()));
        }
        Page page = null;
        String pageError = null;
        if (settings.fetchPages()) {
            if (item.link() == null) {
                pageError = "the item has no link";
            } else {
                PageOutcome outcome = fetchPage(item.link());
                if (outcome == null) {
                    return null;
                }
                page = outcome.page;
                pageError = outcome.error;
            }
        }
        String text;
        String title = item.title();
        String publishedAt = itemDate;
        if (page != null) {
            text = page.text();
            title = page.title() != null ? page.title() : item.title();
            publishedAt = page.publishedAt() != null ? page.publishedAt() : itemDate;
        } else {
            text = summary;
        }
        LedgerBatch batch = new LedgerBatch();
        String source = feed + " item " + id;
        String now = Instant.now().toString();
        if (text == null || text.isBlank()) {
            String reason = "feed item has no title, summary or page text"
                    + (pageError == null ? "" : " (page: " + pageError + ")");
            return batch.deadLetter(new ReadResult.Rejected(source, reason, null))
                    .mark(markKey(id), new IngestMark(IngestMark.FEED_ITEM, feed.toString(), null, null, null, now));
        }
        String outOfRange = PublicationDates.outOfRange(publishedAt, Instant.now());
        if (outOfRange != null) {
            return batch.deadLetter(new ReadResult.Rejected(source, (page != null && page.publishedAt() != null
                            ? "page " : "item ") + outOfRange, null))
                    .mark(markKey(id), new IngestMark(IngestMark.FEED_ITEM, feed.toString(), null, null, null, now));
        }
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > settings.maxArticleBytes()) {
            return batch.deadLetter(ReadResult.Rejected.withoutContent(source, "text of " + bytes
                            + " bytes exceeds the maximum article size of " + settings.maxArticleBytes() + " bytes"))
                    .mark(markKey(id), new IngestMark(IngestMark.FEED_ITEM, feed.toString(), null, null, null, now));
        }
        Article article = new Article(id, item.link(), title, publishedAt, parsed.title(), text, feed.toString());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(FeedHeaders.FEED, feed.toString());
        boolean summaryOnly = pageError != null;
        if (summaryOnly) {
            headers.put(FeedHeaders.SUMMARY_ONLY, "true");
            headers.put(FeedHeaders.PAGE_ERROR, pageError);
            log.warn("{}: publishing the feed's summary of {}: page {}: {}", feed, id, item.link(), pageError);
        }
        return batch.article(article, headers).mark(markKey(id), new IngestMark(IngestMark.FEED_ITEM,
                feed.toString(), id, null, summaryOnly ? Boolean.TRUE : null, now));
    }

    /** A page, or why none could be had. */
    private record PageOutcome(Page page, String error) {
    }

    /** Fetches and extracts a page with retries; null when stopped meanwhile. */
    private PageOutcome fetchPage(String link) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            return new PageOutcome(null, "invalid link: " + e.getMessage());
        }
        String host = HostGate.hostOf(uri);
        String lastError = null;
        for (int attempt = 1; attempt <= settings.pageAttempts(); attempt++) {
            Duration closed = gate.waitFor(host);
            if (closed.compareTo(settings.maxPageWait()) > 0) {
                return new PageOutcome(null, (lastError == null ? "" : lastError + "; ") + "host closed for "
                        + closed.toSeconds() + " s after throttling");
            }
            if (!gate.acquire(host)) {
                return null;
            }
            FetchResult result = fetcher.get(uri, Validators.NONE, settings.maxPageBytes(), ACCEPT_PAGE);
            if (result instanceof FetchResult.Ok ok) {
                gate.succeeded(host);
                if (!isHtml(ok.contentType())) {
                    return new PageOutcome(null, "not an HTML page: " + ok.contentType());
                }
                Page page = PageText.extract(ok.body(), ok.contentType(), ok.uri().toString());
                if (page.text().isBlank()) {
                    return new PageOutcome(null, "no article text found on the page");
                }
                long bytes = page.text().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > settings.maxArticleBytes()) {
                    return new PageOutcome(null, "page text of " + bytes + " bytes exceeds the maximum article size");
                }
                return new PageOutcome(page, null);
            }
            if (result instanceof FetchResult.Throttled throttled) {
                gate.throttled(host, throttled.retryAfter());
                lastError = "HTTP " + throttled.status();
            } else if (result instanceof FetchResult.Failed failed) {
                lastError = failed.reason();
                if (!failed.retriable()) {
                    return new PageOutcome(null, lastError);
                }
                gate.throttled(host, null);
            } else {
                lastError = "HTTP 304 to an unconditional request";
            }
        }
        return new PageOutcome(null, lastError + " (after " + settings.pageAttempts() + " attempts)");
    }

    private static boolean isHtml(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml");
    }

    /** One feed's schedule and validators. */
    private static final class FeedState {
        final URI uri;
        final String host;
        long due;
        Validators validators = Validators.NONE;

        FeedState(URI uri, long due) {
            this.uri = uri;
            this.host = HostGate.hostOf(uri);
            this.due = due;
        }
    }
}
