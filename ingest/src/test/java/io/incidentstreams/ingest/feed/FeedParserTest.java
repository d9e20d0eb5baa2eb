package io.incidentstreams.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jdom2.Document;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {
    static final URI FEED = URI.create("https://news.example/world/rss.xml");

    @TempDir
    Path dir;

    private static ParsedFeed parse(String xml) throws FeedParseException {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml; charset=utf-8", FEED);
    }

    @Test
    void rssItemsGiveGuidLinkTitleDateAndSummaryAsPlainText() throws Exception {
        String xml = Feeds.rss("Example News").item("urn:example:4411", "/2020/11/17/base-attack",
                "Rockets hit &amp; damage base", "Tue, 17 Nov 2020 19:30:00 +0300",
                "<p>" + Feeds.BASE_ATTACK + "</p><img src=x.jpg><script>track()</script>").xml();

        ParsedFeed feed = parse(xml);

        assertThat(feed.title()).isEqualTo("Example News");
        assertThat(feed.type()).isEqualTo("rss_2.0");
        assertThat(feed.items()).containsExactly(new FeedItem("urn:example:4411",
                "https://news.example/2020/11/17/base-attack", "Rockets hit & damage base",
                Instant.parse("2020-11-17T16:30:00Z"), Feeds.BASE_ATTACK));
    }

    @Test
    void atomEntriesGiveTheirIdAndPublishedDate() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Wire</title><id>tag:wire.example,2020:feed</id><updated>2020-11-18T08:00:00Z</updated>
                  <entry>
                    <id>tag:wire.example,2020:8812</id><title type="html">Roadside bomb</title>
                    <link rel="alternate" href="https://wire.example/8812"/>
                    <published>2020-11-18T07:15:00+03:00</published><updated>2020-11-18T09:00:00Z</updated>
                    <summary type="html">&lt;b&gt;%s&lt;/b&gt;</summary>
                  </entry>
                </feed>""".formatted(Feeds.CHECKPOINT_BOMB);

        ParsedFeed feed = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, FEED);

        assertThat(feed.type()).isEqualTo("atom_1.0");
        assertThat(feed.items()).containsExactly(new FeedItem("tag:wire.example,2020:8812", "https://wire.example/8812",
                "Roadside bomb", Instant.parse("2020-11-18T04:15:00Z"), Feeds.CHECKPOINT_BOMB));
    }

    @Test
    void theArticleIdIsTheGuidElseTheLinkAndABareGuidIsQualifiedByTheFeedsHost() {
        FeedItem withUriGuid = new FeedItem("https://news.example/?p=17", "https://news.example/a", null, null, "t");
        FeedItem withBareGuid = new FeedItem("17", "https://news.example/a", null, null, "t");
        FeedItem withLinkOnly = new FeedItem(null, " https://news.example/a ", null, null, "t");
        FeedItem withTextOnly = new FeedItem(null, null, null, null, Feeds.DRONE_STRIKE);

        assertThat(FeedPoller.articleId(withUriGuid, FEED)).isEqualTo("https://news.example/?p=17");
        assertThat(FeedPoller.articleId(withBareGuid, FEED)).isEqualTo("news.example#17");
        assertThat(FeedPoller.articleId(withLinkOnly, FEED)).isEqualTo("https://news.example/a");
        assertThat(FeedPoller.articleId(withTextOnly, FEED)).startsWith("sha256:");
        assertThat(FeedPoller.articleId(new FeedItem(null, null, null, null, null), FEED)).isNull();
    }

    /** An entity that reads a local file: refused, and the control below shows the payload would leak. */
    @Test
    void anXxePayloadIsRefusedAndLeaksNothing() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-7731");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><title>t</title><link>https://news.example/</link><description>d</description>
                <item><guid>urn:x:1</guid><title>leak</title><description>&xxe;</description></item>
                </channel></rss>""".formatted(secret.toUri());

        assertThatThrownBy(() -> parse(xml)).isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DOCTYPE").hasMessageNotContaining("TOP-SECRET");

        SAXBuilder permissive = new SAXBuilder(XMLReaders.NONVALIDATING);
        permissive.setExpandEntities(true);
        Document leaked = permissive.build(new StringReader(xml));
        assertThat(leaked.getRootElement().getChild("channel").getChild("item").getChildText("description"))
                .as("control: a parser with defaults would have read the file")
                .isEqualTo("TOP-SECRET-7731");
    }

    @Test
    void anXxePayloadPointingAtAServerNeverReachesIt() throws Exception {
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.serve("/evil.dtd", "application/xml-dtd", "<!ENTITY leak 'x'>");
            String xml = """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss SYSTEM "%s">
                    <rss version="2.0"><channel><title>t</title><link>https://news.example/</link>
                    <description>d</description></channel></rss>""".formatted(server.uri("/evil.dtd"));

            assertThatThrownBy(() -> parse(xml)).isInstanceOf(FeedParseException.class);
            assertThat(server.requests("/evil.dtd")).isEmpty();
        }
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss version="2.0"><channel><title>&lol3;</title></channel></rss>""";

        assertThatThrownBy(() -> parse(xml)).isInstanceOf(FeedParseException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void brokenAndNonXmlResponsesAreRefusedWithAReason() {
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"><channel><title>cut off"))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("malformed XML");
        assertThatThrownBy(() -> parse("{\"items\": []}"))
                .isInstanceOf(FeedParseException.class).hasMessage("not XML: the response starts with '{\"items\": []}'");
        assertThatThrownBy(() -> parse("<!DOCTYPE html><html><body>Welcome</body></html>"))
                .isInstanceOf(FeedParseException.class).hasMessage("an HTML page, not a feed");
        assertThatThrownBy(() -> parse("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("not an RSS or Atom feed");
        assertThatThrownBy(() -> parse("")).isInstanceOf(FeedParseException.class).hasMessage("empty response");
    }
}
