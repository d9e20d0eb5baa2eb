package io.incidentstreams.sink.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal Server-Sent Events client for tests: parses the stream into events on a queue. */
final class SseReader implements AutoCloseable {
    record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    SseReader(HttpClient http, URI uri, String lastEventId) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            req.header(ApiServer.LAST_EVENT_ID, lastEventId);
        }
        response = http.send(req.build(), HttpResponse.BodyHandlers.ofLines());
        reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    int status() {
        return response.statusCode();
    }

    private void read() {
        String id = null;
        String name = null;
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name == null ? "message" : name, String.join("\n", data)));
                    }
                    name = null;
                    data.clear();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).trim());
                }
            }
        } catch (RuntimeException closed) {
            // The test closed the stream.
        }
    }

    /** The next event within {@code timeout}; fails the test when none comes. */
    Event next(Duration timeout) throws InterruptedException {
        Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no event within " + timeout);
        }
        return e;
    }

    /** The next event, or null when none comes within {@code timeout}. */
    Event poll(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
