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

    @Test
    void anyCountWorksAndASmallerRunIsAPrefixOfALargerOne() {
        for (int n = 1; n <= 30; n++) {
            assertThat(new ArticleGenerator(9).generate(n)).hasSize(n);
        }
        assertThat(new ArticleGenerator(9).generate(1000).subList(0, 400)).isEqualTo(new ArticleGenerator(9).generate(400));
    }

    @Test
    void eventsSpreadOverManyPlacesAndYears() {
        List<Article> articles = new ArticleGenerator(3).generate(2000);

        assertThat(articles.stream().map(a -> a.publishedAt().substring(0, 4)).distinct().count()).isGreaterThanOrEqualTo(9);
        long places = java.util.Arrays.stream(ArticleGenerator.PLACES).filter(p -> articles.stream()
                .anyMatch(a -> a.text().contains(p))).count();
        assertThat(places).isGreaterThan(50);
    }
}
