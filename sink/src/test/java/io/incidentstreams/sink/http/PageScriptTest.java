package io.incidentstreams.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The timeline page's script, read as served; no browser runs here, so these check its text. */
class PageScriptTest {
    private static String script() throws IOException {
        try (InputStream in = PageScriptTest.class.getResourceAsStream("/web/app.js")) {
            assertThat(in).as("/web/app.js on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void linksAreSetOnlyThroughTheSchemeCheck() throws IOException {
        String js = script();

        assertThat(js).contains("u.protocol === 'http:' || u.protocol === 'https:'");
        Matcher html = Pattern.compile("function html\\(tag, attrs, text\\) \\{(.*?)\\n  \\}", Pattern.DOTALL)
                .matcher(js);
        assertThat(html.find()).as("the html() helper").isTrue();
        assertThat(html.group(1)).contains("if (k === 'href' || k === 'src')").contains("webUrl(v)");
        assertThat(js).doesNotContain(".href =").doesNotContain("innerHTML").doesNotContain("setAttribute('href'")
                .doesNotContain("setAttribute(\"href\"");
    }

    @Test
    void theScriptHasNoInlineHandlersOrEvalThatTheContentSecurityPolicyWouldBlock() throws IOException {
        String js = script();

        assertThat(js).doesNotContain("eval(").doesNotContain("new Function(").doesNotContain("onclick=");
    }
}
