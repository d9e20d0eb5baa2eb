package io.incidentstreams.ingest.files;

import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.ReadResult;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads article files and directories into a lazy stream of {@link ReadResult}s.
 *
 * <p>Formats, by file name: {@code *.jsonl} is JSON Lines (one article object per line, see {@link JsonLinesFile}),
 * {@code *.json} is one article object or an array of them, anything else is the plain-text sample format (an
 * optional {@code date YYYY-MM-DD} prefix, then the text; see {@link SampleText}). Directories are walked
 * recursively in sorted order ({@link PathWalker}). A symbolic link inside a folder is rejected unless links are
 * followed ({@link IngestOptions#followLinks()}): a link could otherwise publish any file the process can read.
 *
 * <p>Every input that is not an article becomes a {@link ReadResult.Rejected} with a reason, and reading goes on
 * with the next one: an empty, binary (NUL bytes), non-UTF-8, unreadable or oversized file, an impossible date,
 * a malformed JSON line, HTML instead of text. In JSON Lines a line holding NUL bytes is rejected alone; the file
 * is rejected whole only when most lines of its first 8 KiB hold them. Oversized inputs are recognised by their size and never read whole.
 */
public final class ArticleFiles {
    /** How many leading bytes of a JSON file are checked for NUL bytes before it is parsed. */
    static final int SNIFF_BYTES = 8 * 1024;

    private final int maxArticleBytes;
    private final boolean followLinks;

    /** @param maxArticleBytes largest article text accepted, in bytes of UTF-8; links are not followed */
    public ArticleFiles(int maxArticleBytes) {
        this(maxArticleBytes, false);
    }

    /**
     * @param maxArticleBytes largest article text accepted, in bytes of UTF-8
     * @param followLinks     read symbolic links found inside folders instead of rejecting them
     */
    public ArticleFiles(int maxArticleBytes, boolean followLinks) {
        if (maxArticleBytes < 1) {
            throw new IllegalArgumentException("maxArticleBytes must be at least 1, got " + maxArticleBytes);
        }
        this.maxArticleBytes = maxArticleBytes;
        this.followLinks = followLinks;
    }

    public ArticleFiles(IngestOptions options) {
        this(options.maxArticleBytes(), options.followLinks());
    }

    /**
     * The results of every file under {@code inputs}, in walk order. The stream reads lazily and holds at most one
     * file open: close it (try-with-resources) to release that file if it is not read to the end.
     */
    public Stream<ReadResult> read(List<Path> inputs) {
        Results results = new Results(new PathWalker(inputs, followLinks));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(results,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(results::close);
    }

    /** The results of one file or directory. */
    public Stream<ReadResult> read(Path input) {
        return read(List.of(input));
    }

    enum Format { SAMPLE_TEXT, JSON_LINES, JSON }

    static Format formatOf(Path path) {
        Path fileName = path.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl")) {
            return Format.JSON_LINES;
        }
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        return Format.SAMPLE_TEXT;
    }

    /** The results of one file: a single result, or a lazy reader for JSON files. */
    FileResults open(Path path) {
        String source = path.toString();
        if (!Files.exists(path)) {
            return single(new ReadResult.Rejected(source, "no such file or directory", null));
        }
        if (!Files.isRegularFile(path)) {
            return single(new ReadResult.Rejected(source, "not a regular file", null));
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            return single(new ReadResult.Rejected(source, "cannot read file: " + Rejections.describe(e), null));
        }
        if (size == 0) {
            return single(new ReadResult.Rejected(source, "empty file", new byte[0]));
        }
        Format format = formatOf(path);
        int sampleLimit = (int) Math.min(Integer.MAX_VALUE - 16, (long) maxArticleBytes + SampleText.PREFIX_ALLOWANCE);
        if (format == Format.SAMPLE_TEXT && size > sampleLimit) {
            return single(tooLarge(source, size));
        }
        InputStream in = null;
        try {
            in = Files.newInputStream(path);
            if (format == Format.SAMPLE_TEXT) {
                try (InputStream file = in) {
                    byte[] data = file.readNBytes(sampleLimit + 1);
                    // The file may have grown since its size was taken.
                    return single(data.length > sampleLimit ? tooLarge(source, data.length)
                            : SampleText.parse(source, data, maxArticleBytes));
                }
            }
            BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
            in = buffered;
            buffered.mark(SNIFF_BYTES);
            byte[] head = buffered.readNBytes(SNIFF_BYTES);
            buffered.reset();
            if (Utf8.containsNul(head, 0, head.length) && (format == Format.JSON || mostlyBinaryLines(head))) {
                buffered.close();
                byte[] raw = size <= maxArticleBytes ? Files.readAllBytes(path) : null;
                return single(raw == null
                        ? ReadResult.Rejected.withoutContent(source, "binary file: contains NUL bytes")
                        : new ReadResult.Rejected(source, "binary file: contains NUL bytes", raw));
            }
            return format == Format.JSON_LINES
                    ? new JsonLinesFile(source, buffered, maxArticleBytes)
                    : new JsonDocumentFile(source, buffered, maxArticleBytes);
        } catch (IOException e) {
            closeQuietly(in);
            return single(new ReadResult.Rejected(source, "cannot read file: " + Rejections.describe(e), null));
        }
    }

    /**
     * True when most lines of a JSON Lines file's head hold NUL bytes: a binary file, rejected whole. A file where
     * only some lines do is read line by line, and those lines alone are rejected.
     */
    static boolean mostlyBinaryLines(byte[] head) {
        int lines = 0;
        int binary = 0;
        int start = 0;
        for (int i = 0; i <= head.length; i++) {
            if (i == head.length || head[i] == '\n') {
                if (i > start) {
                    lines++;
                    if (Utf8.containsNul(head, start, i - start)) {
                        binary++;
                    }
                }
                start = i + 1;
            }
        }
        return 2 * binary > lines;
    }

    private ReadResult tooLarge(String source, long size) {
        return ReadResult.Rejected.withoutContent(source,
                "file of " + size + " bytes exceeds the maximum article size of " + maxArticleBytes + " bytes");
    }

    private static FileResults single(ReadResult result) {
        return FileResults.of(result);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Read-only file: nothing was written that a failed close could lose.
            }
        }
    }

    /** Walks the inputs and yields each file's results in turn. */
    private final class Results implements Iterator<ReadResult> {
        private final PathWalker walker;
        private FileResults current;
        private Path currentPath;
        private ReadResult next;
        private boolean finished;

        Results(PathWalker walker) {
            this.walker = walker;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !finished) {
                if (current != null) {
                    try {
                        if (current.hasNext()) {
                            next = current.next();
                            continue;
                        }
                    } catch (RuntimeException e) {
                        next = new ReadResult.Rejected(currentPath.toString(), "cannot read file: " + e, null);
                    }
                    closeCurrent();
                    continue;
                }
                PathWalker.Entry entry = walker.next();
                if (entry == null) {
                    finished = true;
                } else if (entry.error() != null) {
                    next = new ReadResult.Rejected(entry.path().toString(), entry.error(), null);
                } else {
                    currentPath = entry.path();
                    current = open(entry.path());
                }
            }
            return next != null;
        }

        @Override
        public ReadResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ReadResult result = next;
            next = null;
            return result;
        }

        private void closeCurrent() {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        void close() {
            closeCurrent();
            finished = true;
        }
    }
}
