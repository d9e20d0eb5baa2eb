package io.incidentstreams.sink.http;

import io.incidentstreams.model.Incident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory state of the compacted incidents topic, fed record by record in topic order: the latest value of
 * each id (tombstones kept as such), the live incidents in query order, and the redirects that {@code mergedFrom}
 * implies. It also hands every change to the subscribed streams. Thread-safe: one writer (the view's consumer
 * thread), many readers (HTTP requests).
 *
 * <p>Memory grows with the number of ids ever seen on the topic: a full incident per live id, a few dozen bytes
 * per deleted one.
 */
public final class IncidentIndex {
    /** How many redirects are followed before a chain is taken as broken. */
    static final int MAX_HOPS = 32;

    /** The latest record of one id. */
    private record Entry(Incident incident, int partition, long offset) {
    }

    /**
     * One change: an upsert, or a deletion ({@code incident} null), with where it happened and the stream
     * position after it, which is the event id on the stream.
     *
     * @param survivor for a deletion, the live incident that absorbed the id, if known yet
     */
    public record Change(String id, Incident incident, String survivor, int partition, long offset, Position position) {
        public boolean isDeletion() {
            return incident == null;
        }
    }

    /** What {@link #find} knows about an id. */
    public sealed interface Lookup {
        record Found(Incident incident) implements Lookup {
        }

        /** The id was merged into {@code survivor}, which is live. */
        record Redirect(String id, String survivor) implements Lookup {
        }

        /** The id was deleted and no live incident absorbed it. */
        record Gone(String id) implements Lookup {
        }

        record Unknown(String id) implements Lookup {
        }
    }

    /** One page of a query, and the position of the state it was read from. */
    public record Page(List<Incident> items, int total, String nextCursor, Position position) {
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Entry> byId = new HashMap<>();
    private final TreeMap<IncidentQuery.SortKey, Incident> ordered = new TreeMap<>();
    private final Map<String, String> redirects = new HashMap<>();
    private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();
    private Position position = Position.START;
    private long live;
    private long deleted;

    /** Applies one record of the topic; {@code incident} null is a tombstone. */
    public Change apply(String id, Incident incident, int partition, long offset) {
        Objects.requireNonNull(id, "id");
        lock.writeLock().lock();
        try {
            Entry old = byId.put(id, new Entry(incident, partition, offset));
            Incident before = old == null ? null : old.incident();
            if (before != null) {
                ordered.remove(IncidentQuery.SortKey.of(before));
                live--;
            } else if (old != null) {
                deleted--;
            }
            if (incident != null) {
                ordered.put(IncidentQuery.SortKey.of(incident), incident);
                live++;
                redirect(id, before, incident);
            } else {
                deleted++;
            }
            position = position.after(partition, offset);
            Change change = new Change(id, incident, incident == null ? survivorOf(id) : null, partition, offset, position);
            subscriptions.forEach(s -> s.offer(change));
            return change;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Redirects of the ids the new version absorbed; ids the old version listed and the new one does not are freed. */
    private void redirect(String id, Incident before, Incident now) {
        if (before != null && before.mergedFrom() != null) {
            for (String absorbed : before.mergedFrom()) {
                if (now.mergedFrom() == null || !now.mergedFrom().contains(absorbed)) {
                    redirects.remove(absorbed, id);
                }
            }
        }
        if (now.mergedFrom() != null) {
            now.mergedFrom().forEach(absorbed -> redirects.put(absorbed, id));
        }
    }

    /** The live incident an id now lives in, following merges; null when there is none. */
    private String survivorOf(String id) {
        String at = id;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            String next = redirects.get(at);
            if (next == null || next.equals(at)) {
                return null;
            }
            Entry e = byId.get(next);
            if (e != null && e.incident() != null) {
                return next;
            }
            at = next;
        }
        return null;
    }

    public Lookup find(String id) {
        lock.readLock().lock();
        try {
            Entry e = byId.get(id);
            if (e != null && e.incident() != null) {
                return new Lookup.Found(e.incident());
            }
            String survivor = survivorOf(id);
            if (survivor != null) {
                return new Lookup.Redirect(id, survivor);
            }
            return e != null ? new Lookup.Gone(id) : new Lookup.Unknown(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Page query(IncidentQuery q) {
        lock.readLock().lock();
        try {
            var candidates = q.after() == null ? ordered.values() : ordered.tailMap(q.after(), false).values();
            List<Incident> items = new ArrayList<>(Math.min(q.limit(), 64));
            int total = 0;
            IncidentQuery.SortKey last = null;
            boolean more = false;
            for (Incident i : candidates) {
                if (!q.matches(i)) {
                    continue;
                }
                total++;
                if (items.size() < q.limit()) {
                    items.add(i);
                    last = IncidentQuery.SortKey.of(i);
                } else {
                    more = true;
                }
            }
            if (q.after() != null) {
                total += (int) ordered.headMap(q.after(), true).values().stream().filter(q::matches).count();
            }
            return new Page(items, total, more ? last.cursor() : null, position);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Subscribes to changes from {@code from} on: first the latest record of every id that changed at or after
     * that position (in partition and offset order), then every change as it is applied. Taken under the write
     * lock, so nothing falls between the two.
     *
     * @param capacity changes the subscription may hold before it overflows (the reader is too slow)
     */
    public Subscription subscribe(Position from, int capacity) {
        lock.writeLock().lock();
        try {
            List<Map.Entry<String, Entry>> changed = byId.entrySet().stream()
                    .filter(e -> from.covers(e.getValue().partition(), e.getValue().offset()))
                    .sorted(Comparator.comparing((Map.Entry<String, Entry> e) -> e.getValue().partition())
                            .thenComparing(e -> e.getValue().offset()))
                    .toList();
            List<Change> replay = new ArrayList<>(changed.size());
            Position at = from;
            for (var e : changed) {
                Entry entry = e.getValue();
                at = at.after(entry.partition(), entry.offset());
                replay.add(new Change(e.getKey(), entry.incident(),
                        entry.incident() == null ? survivorOf(e.getKey()) : null, entry.partition(), entry.offset(), at));
            }
            Subscription s = new Subscription(this, from, replay, position, capacity);
            subscriptions.add(s);
            return s;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Position position() {
        lock.readLock().lock();
        try {
            return position;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Counts for the metrics: live incidents, deleted ids, redirects, open subscriptions. */
    public Map<String, Long> counts() {
        lock.readLock().lock();
        try {
            Map<String, Long> counts = new TreeMap<>();
            counts.put("incidents", live);
            counts.put("deleted", deleted);
            counts.put("redirects", (long) redirects.size());
            counts.put("streams", (long) subscriptions.size());
            return counts;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The changes one stream client receives: a replay, the position it reached, then live changes. When the
     * client reads too slowly its buffer overflows; the stream then ends and the client resumes from its last
     * event id, which loses nothing.
     */
    public static final class Subscription implements AutoCloseable {
        private final IncidentIndex index;
        private final Position from;
        private final List<Change> replay;
        private final Position replayedTo;
        private final BlockingQueue<Change> queue;
        private volatile boolean overflowed;

        private Subscription(IncidentIndex index, Position from, List<Change> replay, Position replayedTo, int capacity) {
            this.index = index;
            this.from = from;
            this.replay = List.copyOf(replay);
            this.replayedTo = replayedTo;
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        /** The latest state of every id changed at or after the requested position, oldest first. */
        public List<Change> replay() {
            return replay;
        }

        /** The position the replay brings the client to: the whole state as of subscribing. */
        public Position replayedTo() {
            return replayedTo;
        }

        private void offer(Change change) {
            if (!from.covers(change.partition(), change.offset())) {
                return;
            }
            if (!queue.offer(change)) {
                overflowed = true;
            }
        }

        /** The next live change, or null after {@code timeoutMillis} without one. */
        public Change next(long timeoutMillis) throws InterruptedException {
            return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        }

        public boolean overflowed() {
            return overflowed && queue.isEmpty();
        }

        @Override
        public void close() {
            index.subscriptions.remove(this);
        }
    }
}
