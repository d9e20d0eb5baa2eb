package io.incidentstreams.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebUrlsTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://news.example/a", "http://news.example", "HTTPS://News.Example:8443/a?b=c#d",
            "https://news.example/2024/10/شهداء", "https://medium.example/@writer/story"})
    void httpAndHttpsUrlsWithAHostAreKept(String url) {
        assertThat(WebUrls.isWebUrl(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
            "ftp://news.example/a", "//news.example/a", "/relative/path", "https://", "https:///path",
            "https://news.example/a b", "https://news.example/\u0000", "http:alert(1)", ""})
    void otherSchemesRelativeUrlsAndUrlsWithSpacesOrControlCharactersAreRefused(String url) {
        assertThat(WebUrls.isWebUrl(url)).isFalse();
    }
}
