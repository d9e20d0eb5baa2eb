package io.incidentstreams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.model.Article;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleGeneratorTest {
    @Test
    void theSameSeedGivesTheSameArticles() {
        assertThat(new ArticleGenerator(3).generate(200)).isEqualTo(new ArticleGenerator(3).generate(200));
    }

    @Test
    void articlesAreAboutThreeKilobytesAndVaried() {
        List<Article> articles = new ArticleGenerator(3).generate(500);

        assertThat(articles).hasSize(500);
        assertThat(articles).allSatisfy(a -> assertThat(a.text().length()).isBetween(2500, 3600));
        Set<String> leads = new HashSet<>();
        articles.forEach(a -> leads.add(a.text().substring(0, a.text().indexOf('.'))));
        assertThat(leads.size()).isGreaterThan(250);
    }

    @Test
    void itIncludesExactRepeatsAndSeveralReportsOfOneEvent() {
        List<Article> articles = new ArticleGenerator(3).generate(500);

        assertThat(articles.stream().map(Article::id).distinct().count()).isLessThan(500);
        assertThat(articles.stream().map(Article::outlet).distinct().count()).isGreaterThan(5);
    }
}
