package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts the extractor takes per token give the answers of the slow path they replace, on every sentence of
 * the sample pages: word set bits agree with the sets' words, indexed dictionary matches with walking the trie, and
 * word ids with the words.
 */
class TokenIndexTest {

    private static final Rules R = Rules.builtIn();
    private static final List<List<Token>> SENTENCES = new ArrayList<>();

    @BeforeAll
    static void readSamples() throws IOException {
        ArticleCleaner cleaner = new ArticleCleaner(R.gazetteer, R.triggers, R.lexicon);
        for (Path dir : List.of(Path.of("../samples/articles"), Path.of("../samples/heldout/articles"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    for (Piece piece : cleaner.parse(text, null).pieces()) {
                        for (Sentence s : piece.sentences()) {
                            SENTENCES.add(Tokenizer.tokenize(text, s.start(), s.end(), R.lexicon));
                        }
                    }
                }
            }
        }
        assertThat(SENTENCES).hasSizeGreaterThan(300);
    }

    @Test
    void wordSetBitsAgreeWithTheWordsOfTheSets() {
        List<WordSet> sets = WordSet.withBits();
        assertThat(sets).hasSizeGreaterThan(30);
        int members = 0;
        for (List<Token> sentence : SENTENCES) {
            for (Token t : sentence) {
                assertThat(t.classes() & Token.CLASSES_KNOWN).isNotZero();
                for (WordSet set : sets) {
                    boolean byBit = set.contains(t);
                    assertThat(byBit).as("%s in %s", t.norm(), set.words()).isEqualTo(set.contains(t.norm()));
                    members += byBit ? 1 : 0;
                }
            }
        }
        assertThat(members).isGreaterThan(1000);
    }

    @Test
    void aTokenReadWithoutTheLexiconTestsWordSetsByItsWord() {
        String s = "rockets landed near the base";
        List<Token> t = Tokenizer.tokenize(s, 0, s.length());
        WordSet near = WordSet.of("near", "outside");
        assertThat(t.get(2).classes()).isZero();
        assertThat(near.contains(t.get(2))).isTrue();
        assertThat(near.contains(t.get(3))).isFalse();
    }

    @Test
    void indexedMatchesAreTheMatchesOfWalkingEachDictionary() {
        int found = 0;
        for (List<Token> sentence : SENTENCES) {
            assertThat(sentence).isInstanceOf(TokenList.class);
            List<Token> plain = new ArrayList<>(sentence); // not indexed: every dictionary walks its trie
            for (int d = 0; d < R.lexicon.dictionaries(); d++) {
                PhraseTrie<?> dictionary = R.lexicon.dictionary(d);
                for (int i = -1; i <= sentence.size(); i++) {
                    PhraseTrie.Match<?> indexed = dictionary.longestAt(sentence, i);
                    PhraseTrie.Match<?> walked = dictionary.longestAt(plain, i);
                    assertThat(indexed).isEqualTo(walked);
                    found += indexed == null ? 0 : 1;
                }
            }
        }
        assertThat(found).isGreaterThan(1000);
    }

    @Test
    void indexedTokensCannotChange() {
        String s = "a rocket attack";
        List<Token> t = Tokenizer.tokenize(s, 0, s.length(), R.lexicon);
        assertThatThrownBy(() -> t.add(t.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void wordIdsNameTheRulesOwnWordsAndNothingElse() {
        String s = "Rockets hit Baghdad's Green Zone, Zbigniewville said";
        List<Token> t = Tokenizer.tokenize(s, 0, s.length(), R.lexicon);
        for (Token tok : t) {
            int id = R.lexicon.id(tok.norm());
            assertThat(tok.id()).as(tok.norm()).isEqualTo(id);
        }
        assertThat(t.get(0).id()).isNotNegative();
        assertThat(t.get(5).norm()).isEqualTo("zbigniewville");
        assertThat(t.get(5).id()).isEqualTo(Token.NO_WORD);
    }
}
