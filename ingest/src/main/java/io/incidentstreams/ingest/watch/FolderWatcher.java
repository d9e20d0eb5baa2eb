package io.incidentstreams.ingest.watch;

import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.ingest.feed.IngestMark;
import io.incidentstreams.ingest.feed.Ledger;
import io.incidentstreams.ingest.feed.LedgerBatch;
import io.incidentstreams.ingest.feed.Ticker;
import io.incidentstreams.ingest.files.ArticleFiles;
import io.incidentstreams.model.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the article files that appear in a folder (and its subfolders): sample text and JSON Lines, read by
 * {@link ArticleFiles} as {@code incidents ingest files} does.
 *
 * <p><b>Never a half-written file.</b> A file is read only once its size and modification time have stayed the same
 * for {@code settle} (two scans at least that far apart). Names that writers use while writing are never read:
 * hidden names (a leading dot) and {@code .tmp}, {@code .part}, {@code .partial}, {@code .crdownload},
 * {@code .swp} and {@code ~} endings; writing under such a name and renaming into place is safe at any speed.
 *
 * <p><b>No symbolic links.</b> A link in the folder is never read nor followed (it could point anywhere, such as
 * {@code /etc/passwd}): it is logged and reported to the listener once, with its reason.
 *
 * <p><b>Restart-safe.</b> Each file's SHA-256 is marked on the ingest state topic ({@code watch-file:<path>}) in the
 * same transaction as its articles and dead letters, and so is each article's digest
 * ({@code watch-article:<id>}). A file whose bytes are already marked is skipped, so a restart publishes nothing
 * again; a file that changes is read again and only its new or changed articles are published (an appended JSON
 * Lines file adds only its new lines). A large file is committed every {@code commitEvery} records; its article
 * marks make a crash in the middle cost nothing twice.
 */
public final class FolderWatcher {
    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

    public static final String FILE_KEY_PREFIX = IngestMark.WATCH_FILE + ":";
    public static final String ARTICLE_KEY_PREFIX = IngestMark.WATCH_ARTICLE + ":";
    /** Header on raw-articles records from a watched folder: the file's path. */
    public static final String FILE_HEADER = "incidents.watch.file";
    /** Why a symbolic link in the folder is not read. */
    public static final String LINK_SKIPPED = "symbolic link, not followed";
    private static final List<String> WRITING_SUFFIXES = List.of(".tmp", ".part", ".partial", ".crdownload", ".swp",
            "~");

    /**
     * @param settle       how long a file's size and modification time must stay unchanged before it is read
     * @param scanInterval time between two scans of the folder
     * @param commitEvery  records per transaction within one large file
     */
    public record Settings(Duration settle, Duration scanInterval, int commitEvery) {
        public Settings {
            Objects.requireNonNull(settle, "settle");
            Objects.requireNonNull(scanInterval, "scanInterval");
            if (settle.isNegative() || scanInterval.isNegative() || scanInterval.isZero()) {
                throw new IllegalArgumentException("settle must not be negative and scanInterval must be positive");
            }
            if (commitEvery < 1) {
                throw new IllegalArgumentException("commitEvery must be at least 1, got " + commitEvery);
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(2), Duration.ofSeconds(1), 1000);
        }
    }

    private final Path dir;
    private final Settings settings;
    private final ArticleFiles reader;
    private final Ledger ledger;
    private final Ticker ticker;
    private final WatchListener listener;
    private final Map<Path, Observation> observed = new HashMap<>();
    private final Set<Path> reportedLinks = new HashSet<>();

    public FolderWatcher(Path dir, Settings settings, IngestOptions options, Ledger ledger, Ticker ticker,
                         WatchListener listener) {
        this.dir = dir.toAbsolutePath().normalize();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reader = new ArticleFiles(options);
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.listener = listener == null ? WatchListener.NONE : listener;
    }

    /** The mark key of a file. */
    public static String fileKey(Path file) {
        return FILE_KEY_PREFIX + file.toAbsolutePath().normalize();
    }

    /** Scans every {@code scanInterval} until the ticker is stopped. */
    public void run() throws InterruptedException {
        while (!ticker.stopped()) {
            scan();
            if (!ticker.sleep(settings.scanInterval())) {
                return;
            }
        }
    }

    /** Handles what is in the folder now and settles, then returns: a scan, a wait of {@code settle}, a scan. */
    public void runOnce() throws InterruptedException {
        scan();
        if (ticker.sleep(settings.settle())) {
            scan();
        }
    }

    /**
     * One scan: notes each file's size and modification time, and reads those that have settled and were not read
     * at their current state.
     *
     * @return the number of files read
     */
    public int scan() {
        long now = ticker.nanos();
        Set<Path> present = new HashSet<>();
        int read = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> !p.equals(dir) && !isInProgress(p)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot list {}: {}", dir, e.getMessage());
            return 0;
        }
        for (Path file : files) {
            if (ticker.stopped()) {
                break;
            }
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue; // gone since the listing
            }
            if (attrs.isSymbolicLink()) {
                present.add(file);
                if (reportedLinks.add(file)) {
                    log.warn("skipping {}: {}", file, LINK_SKIPPED);
                    listener.skipped(file, LINK_SKIPPED);
                }
                continue;
            }
            if (!attrs.isRegularFile()) {
                continue;
            }
            present.add(file);
            long mtime = attrs.lastModifiedTime().toMillis();
            Observation seen = observed.get(file);
            if (seen == null || seen.size != attrs.size() || seen.mtime != mtime) {
                observed.put(file, new Observation(attrs.size(), mtime, now));
                continue;
            }
            if (seen.handled || now - seen.since < settings.settle().toNanos()) {
                continue;
            }
            seen.handled = true;
            handle(file);
            read++;
        }
        observed.keySet().retainAll(present);
        reportedLinks.retainAll(present);
        return read;
    }

    /** True for names that mark a file still being written, under a hidden folder, or hidden itself. */
    private boolean isInProgress(Path path) {
        for (Path part : dir.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return WRITING_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private void handle(Path file) {
        String digest;
        try {
            digest = sha256(file);
        } catch (IOException e) {
            log.warn("cannot read {}: {}", file, e.getMessage());
            listener.failed(file, e.getMessage());
            return;
        }
        String fileKey = fileKey(file);
        if (digest.equals(ledger.digest(fileKey))) {
            log.debug("{}: already published", file);
            listener.unchanged(file);
            return;
        }
        int published = 0;
        int unchanged = 0;
        int rejected = 0;
        Set<String> inThisFile = new HashSet<>();
        String now = Instant.now().toString();
        LedgerBatch batch = new LedgerBatch();
        try (Stream<ReadResult> results = reader.read(file)) {
            Iterator<ReadResult> it = results.iterator();
            while (it.hasNext()) {
                ReadResult result = it.next();
                if (result instanceof ReadResult.Accepted accepted) {
                    Article article = accepted.article();
                    String key = ARTICLE_KEY_PREFIX + article.id();
                    String articleDigest = digestOf(article);
                    if (articleDigest.equals(ledger.digest(key)) || !inThisFile.add(key + "@" + articleDigest)) {
                        unchanged++;
                        continue;
                    }
                    batch.article(article, Map.of(FILE_HEADER, file.toString()))
                            .mark(key, new IngestMark(IngestMark.WATCH_ARTICLE, file.toString(), article.id(),
                                    articleDigest, null, now));
                    published++;
                } else if (result instanceof ReadResult.Rejected r) {
                    batch.deadLetter(r);
                    rejected++;
                }
                if (batch.size() >= settings.commitEvery()) {
                    ledger.commit(batch);
                    batch = new LedgerBatch();
                }
            }
        }
        batch.mark(fileKey, new IngestMark(IngestMark.WATCH_FILE, file.toString(), null, digest, null, now));
        ledger.commit(batch);
        log.info("{}: {} published, {} already published, {} rejected", file, published, unchanged, rejected);
        listener.published(file, published, unchanged, rejected);
    }

    /** SHA-256 of the fields that make an article's content; the origin (a path) is left out. */
    static String digestOf(Article a) {
        MessageDigest digest = newDigest();
        for (String part : new String[] {a.id(), a.url(), a.title(), a.publishedAt(), a.outlet(), a.text()}) {
            digest.update((part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x1F);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** A file's size and modification time, since when they hold, and whether that state was read. */
    private static final class Observation {
        final long size;
        final long mtime;
        final long since;
        boolean handled;

        Observation(long size, long mtime, long since) {
            this.size = size;
            this.mtime = mtime;
            this.since = since;
        }
    }
}
