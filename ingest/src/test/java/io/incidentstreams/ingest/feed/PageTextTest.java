package io.incidentstreams.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageTextTest {
    static final String FIRST = "Three rockets struck the Ain al-Asad air base in Anbar province on Tuesday evening.";
    static final String SECOND = "Two contractors were wounded, a coalition spokesman said. No group claimed the attack.";
    static final String THIRD = "Iraqi forces found the launch site east of the base, the security media cell said.";

    /** An article page with the usual boilerplate around three paragraphs. */
    static String boilerplatePage() {
        return """
                <!DOCTYPE html><html><head><title>Rockets hit base | Example News</title>
                <meta property="og:title" content="Rockets hit Ain al-Asad base">
                <meta property="article:published_time" content="2020-11-17T21:05:00+03:00">
                <script>window.analytics = {};</script><style>p { color: red }</style></head>
                <body>
                <div class="cookie-banner">We use cookies. Accept all?</div>
                <header class="site-header"><a href="/">Example News</a><nav><a href="/world">World</a></nav></header>
                <nav class="breadcrumbs"><a href="/">Home</a> / <a href="/iraq">Iraq</a></nav>
                <main>
                  <article>
                    <h1>Rockets hit Ain al-Asad base</h1>
                    <div class="share-buttons"><a>Share on X</a><a>Share by email</a></div>
                    <figure><img src="base.jpg"><figcaption>File photo: the base in 2019.</figcaption></figure>
                    <div itemprop="articleBody">
                      <p>%s</p>
                      <div class="ad-slot"><p>Advertisement: buy now</p></div>
                      <p>%s</p>
                      <aside class="related-stories"><h3>Related</h3><ul><li>Earlier attack on the base</li></ul></aside>
                      <p>%s</p>
                      <span class="image-caption">Smoke over the runway.</span>
                    </div>
                    <section class="newsletter-signup"><p>Sign up for our daily briefing</p></section>
                  </article>
                  <section class="more-stories"><article><p>Another story entirely, with a long paragraph of text that
                  should never be mistaken for the article body by the extractor at all.</p></article></section>
                </main>
                <footer><p>© Example News</p></footer>
                <script>track('view');</script>
                </body></html>""".formatted(FIRST, SECOND, THIRD);
    }

    @Test
    void theArticleTextIsThePageWithoutItsBoilerplate() {
        Page page = PageText.extract(boilerplatePage().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                "https://news.example/2020/11/17/base");

        assertThat(page.text()).isEqualTo(FIRST + "\n\n" + SECOND + "\n\n" + THIRD);
        assertThat(page.title()).isEqualTo("Rockets hit Ain al-Asad base");
        assertThat(page.publishedAt()).isEqualTo("2020-11-17T21:05:00+03:00");
    }

    @Test
    void withoutMarkupHintsTheLongestArticleIsTheBodyAndTheDateComesFromJsonLd() {
        String html = """
                <html><head><title>Strike | Wire</title>
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"WebPage","name":"x"},
                  {"@type":"NewsArticle","headline":"Strike","datePublished":"2021-03-04T10:00:00Z"}]}</script></head>
                <body><article><p>Short teaser.</p></article>
                <article><h2>Drone strike near Qaim</h2><p>%s</p><p>%s</p></article></body></html>"""
                .formatted(Feeds.DRONE_STRIKE, SECOND);

        Page page = PageText.extract(html, "https://wire.example/strike");

        assertThat(page.text()).isEqualTo("Drone strike near Qaim\n\n" + Feeds.DRONE_STRIKE + "\n\n" + SECOND);
        assertThat(page.title()).isEqualTo("Strike | Wire");
        assertThat(page.publishedAt()).isEqualTo("2021-03-04T10:00:00Z");
    }

    @Test
    void pageDatesInTheirUsualFormsBecomeIsoDatesOrDateTimes() {
        assertThat(PageText.normaliseDate("2020-11-17T21:05:00+0300")).isEqualTo("2020-11-17T21:05:00+03:00");
        assertThat(PageText.normaliseDate("2020-11-17 21:05:00+03:00")).isEqualTo("2020-11-17T21:05:00+03:00");
        assertThat(PageText.normaliseDate("2020-11-17T21:05:00")).isEqualTo("2020-11-17");
        assertThat(PageText.normaliseDate("2020-11-17")).isEqualTo("2020-11-17");
        assertThat(PageText.normaliseDate("Tue, 17 Nov 2020 18:05:00 GMT")).isEqualTo("2020-11-17T18:05:00Z");
        assertThat(PageText.normaliseDate("last Tuesday")).isNull();
    }

    @Test
    void aPageWithNoDateHasNone() {
        Page page = PageText.extract("<html><body><p>" + FIRST + "</p></body></html>", "https://news.example/x");

        assertThat(page.publishedAt()).isNull();
        assertThat(page.text()).isEqualTo(FIRST);
    }
}
