package io.incidentstreams.ingest.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the inputs depth-first: the inputs in the order given, each directory's entries sorted by name, so that
 * two runs over the same tree read the same files in the same order. Only one directory listing per level is held
 * in memory. Entries whose name starts with a dot (version-control folders, editor and desktop files) are skipped;
 * an input named explicitly is always read. A symbolic link inside a folder is an error entry unless links are
 * followed (an input named explicitly is read even when it is a link). A directory reached twice through links is
 * walked once.
 */
final class PathWalker {
    private static final Logger log = LoggerFactory.getLogger(PathWalker.class);

    /** A file to read, or a directory that could not be listed. */
    record Entry(Path path, String error) {
    }

    private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
    private final Set<Path> visited = new HashSet<>();
    /** The reason given for a link that is not followed. */
    static final String LINK_NOT_FOLLOWED = "symbolic link, not followed (links are read only with --follow-links)";

    private final Iterator<Path> inputs;
    private final boolean followLinks;

    PathWalker(List<Path> inputs, boolean followLinks) {
        this.inputs = List.copyOf(inputs).iterator();
        this.followLinks = followLinks;
    }

    /** The next file, or null when every input has been walked. */
    Entry next() {
        while (true) {
            boolean top = stack.isEmpty();
            Iterator<Path> level = top ? inputs : stack.peek();
            if (!level.hasNext()) {
                if (top) {
                    return null;
                }
                stack.pop();
                continue;
            }
            Path path = level.next();
            if (!top && isHidden(path)) {
                log.debug("skipping hidden entry {}", path);
                continue;
            }
            if (!top && !followLinks && Files.isSymbolicLink(path)) {
                log.warn("skipping {}: {}", path, LINK_NOT_FOLLOWED);
                return new Entry(path, LINK_NOT_FOLLOWED);
            }
            if (!Files.isDirectory(path)) {
                return new Entry(path, null);
            }
            try {
                if (!visited.add(path.toRealPath())) {
                    log.debug("skipping {}: directory already walked", path);
                    continue;
                }
                try (Stream<Path> children = Files.list(path)) {
                    stack.push(children.sorted().toList().iterator());
                }
            } catch (IOException | RuntimeException e) {
                IOException io = e instanceof IOException ioe ? ioe
                        : e.getCause() instanceof IOException cause ? cause : new IOException(e.getMessage(), e);
                return new Entry(path, "cannot list directory: " + Rejections.describe(io));
            }
        }
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
