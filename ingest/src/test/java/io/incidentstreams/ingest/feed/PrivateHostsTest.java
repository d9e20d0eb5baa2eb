package io.incidentstreams.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feeds and pages on loopback, link-local and private addresses are refused unless allowed. The local server
 * stands in for a public host ({@value #PUBLIC}) by acting as the fetcher's HTTP proxy, so a redirect from a public
 * feed to an internal address can be tested without leaving the machine.
 */
class PrivateHostsTest {
    static final String PUBLIC = "93.184.215.14";

    private LocalHttpServer server;
    private ProxySelector viaServer;
    private final HttpFetcher.Settings settings = HttpFetcher.Settings.defaults().withTimeout(Duration.ofSeconds(5));

    @BeforeEach
    void start() throws Exception {
        server = LocalHttpServer.start();
        viaServer = ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                server.uri("/").getPort()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void redirect(String path, String location) {
        server.on(path, ex -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(302, -1);
        });
    }

    @Test
    void aRedirectFromAPublicFeedToLoopbackIsRefusedWithoutTheFlagAndNeverRequested() throws Exception {
        URI internal = server.uri("/internal");
        redirect("/feed", internal.toString());
        server.serve("/internal", "application/rss+xml", "<rss/>");
        URI feed = URI.create("http://" + PUBLIC + "/feed");

        FetchResult refused = new HttpFetcher(settings, viaServer).get(feed, Validators.NONE, 10_000, "*/*");

        assertThat(refused).isEqualTo(new FetchResult.Failed("redirect to " + internal
                + " refused: 127.0.0.1 is a loopback address; --allow-private-hosts allows it", false));
        assertThat(server.requests("/feed")).hasSize(1);
        assertThat(server.requests("/internal")).isEmpty();

        FetchResult allowed = new HttpFetcher(settings.withAllowPrivateHosts(true), viaServer)
                .get(feed, Validators.NONE, 10_000, "*/*");

        assertThat(allowed).isInstanceOfSatisfying(FetchResult.Ok.class,
                ok -> assertThat(ok.uri()).isEqualTo(internal));
        assertThat(server.requests("/internal")).hasSize(1);
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedToo() throws Exception {
        redirect("/feed", "http://10.1.2.3/admin");

        FetchResult result = new HttpFetcher(settings, viaServer)
                .get(URI.create("http://" + PUBLIC + "/feed"), Validators.NONE, 10_000, "*/*");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.reason())
                .isEqualTo("redirect to http://10.1.2.3/admin refused: 10.1.2.3 is a private address; "
                        + "--allow-private-hosts allows it"));
        assertThat(server.requests("/admin")).isEmpty();
    }

    @Test
    void aFeedOnLoopbackOrOnANameThatResolvesToItIsRefusedBeforeAnyRequest() throws Exception {
        server.serve("/feed", "application/rss+xml", "<rss/>");
        HttpFetcher fetcher = new HttpFetcher(settings);
        int port = server.uri("/").getPort();

        FetchResult byAddress = fetcher.get(server.uri("/feed"), Validators.NONE, 10_000, "*/*");
        FetchResult byName = fetcher.get(URI.create("http://localhost:" + port + "/feed"), Validators.NONE, 10_000,
                "*/*");
        FetchResult ipv6 = fetcher.get(URI.create("http://[::1]:" + port + "/feed"), Validators.NONE, 10_000, "*/*");

        assertThat(byAddress).isEqualTo(new FetchResult.Failed(
                "refused: 127.0.0.1 is a loopback address; --allow-private-hosts allows it", false));
        assertThat(byName).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.reason()).startsWith("refused: localhost is a loopback address ("));
        assertThat(ipv6).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.reason()).startsWith("refused: ::1 is a loopback address"));
        assertThat(server.requests("/feed")).isEmpty();
        assertThat(new HttpFetcher(settings.withAllowPrivateHosts(true))
                .get(server.uri("/feed"), Validators.NONE, 10_000, "*/*")).isInstanceOf(FetchResult.Ok.class);
    }

    @Test
    void anItemPageOnTheCloudMetadataAddressIsNeverFetchedAndTheSummaryIsPublished() throws Exception {
        server.serve("/feed", "application/rss+xml", Feeds.rss("Example News")
                .item("urn:ex:1", "http://169.254.169.254/latest/meta-data/", "Headline", null, Feeds.BASE_ATTACK)
                .xml());
        server.serve("/latest/meta-data/", "text/html", "<html><body><p>secret-role</p></body></html>");
        InMemoryLedger ledger = new InMemoryLedger();
        FeedPoller poller = new FeedPoller(List.of(URI.create("http://" + PUBLIC + "/feed")),
                FeedSettings.defaults().withFetchPages(true).withPageRetries(1, Duration.ofMillis(10)),
                new HttpFetcher(settings, viaServer), ledger, new FakeTicker(), new Random(7), FeedListener.NONE);

        poller.pollEachOnce();

        assertThat(server.requests("/latest/meta-data/")).isEmpty();
        assertThat(ledger.articles).singleElement().satisfies(out -> {
            assertThat(out.article().text()).isEqualTo(Feeds.BASE_ATTACK);
            assertThat(out.headers().get(FeedHeaders.PAGE_ERROR))
                    .isEqualTo("refused: 169.254.169.254 is a link-local address; --allow-private-hosts allows it");
        });
    }
}
