package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<Token> tokens(String s) {
        return Tokenizer.tokenize(s, 0, s.length());
    }

    @Test
    void foldsDottedAcronymsAndDropsPossessives() {
        List<Token> t = tokens("U.S. troops left Iraq's capital");
        assertThat(t).extracting(Token::norm).containsExactly("us", "troops", "left", "iraq", "capital");
        assertThat(t.get(3).possessive()).isTrue();
        assertThat(t.get(3).raw()).isEqualTo("Iraq");
    }

    @Test
    void splitsHyphenatedWordsAndRemembersTheHyphen() {
        List<Token> t = tokens("Iran-backed militias near al-Salam");
        assertThat(t).extracting(Token::norm).containsExactly("iran", "backed", "militias", "near", "al", "salam");
        assertThat(t.get(1).hyphenBefore()).isTrue();
    }

    @Test
    void keepsApostrophesInsideNamesAndCurlyPossessives() {
        assertThat(tokens("Kata'ib Hizballah hit Baghdad\u2019s Green Zone")).extracting(Token::norm)
                .containsExactly("kataib", "hizballah", "hit", "baghdad", "green", "zone");
    }

    @Test
    void readsDigitGroupsAsNumbers() {
        List<Token> t = tokens("from 3,000 to 2,500 troops, 600m away");
        assertThat(t.get(1).number()).isEqualTo(3000);
        assertThat(t.get(3).number()).isEqualTo(2500);
        assertThat(t.get(5).isNumber()).isFalse();
        assertThat(t.get(5).norm()).isEqualTo("600m");
    }

    @Test
    void recordsClauseBreaks() {
        List<Token> t = tokens("rockets fell, killing two; police said");
        assertThat(t.get(2).clauseBreakBefore()).isTrue();
        assertThat(t.get(4).strongBreakBefore()).isTrue();
        assertThat(t.get(1).clauseBreakBefore()).isFalse();
    }

    @Test
    void offsetsCoverTheOriginalCharacters() {
        String s = "Rockets struck the K-1 base.";
        for (Token tok : tokens(s)) {
            assertThat(s.substring(tok.start(), tok.end())).isEqualTo(tok.raw());
        }
    }
}
