package io.incidentstreams.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.enrich.testing.ArticleBuilder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimHashTest {
    static final String STORY = ArticleBuilder.WIRE_STORY;

    @Test
    void aRepublishedStoryWithOneSentenceReworkedIsANearDuplicate() {
        String edited = STORY.replace("The base hosts trainers from several countries and has been targeted before.",
                "The facility, which hosts foreign trainers, has been hit before.");

        assertThat(SimHash.distance(SimHash.of(STORY), SimHash.of(edited))).isLessThanOrEqualTo(SimHash.NEAR_DUPLICATE_BITS);
    }

    @Test
    void differentStoriesAreFarApart() {
        String other = "The central bank kept its exchange rate unchanged on Sunday and said reserves had grown over "
                + "the quarter, as oil exports through the southern terminals held steady and the budget debate "
                + "in parliament dragged on into a third week without agreement on provincial allocations.";

        assertThat(SimHash.nearDuplicates(SimHash.of(STORY), SimHash.of(other))).isFalse();
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertThat(SimHash.of(STORY.toUpperCase())).isEqualTo(SimHash.of(STORY));
        assertThat(SimHash.of(STORY.replace(",", " ;"))).isEqualTo(SimHash.of(STORY));
    }

    @Test
    void theHexFormRoundTrips() {
        long h = SimHash.of(STORY);

        assertThat(SimHash.parse(SimHash.hex(h))).isEqualTo(h);
    }

    @Test
    void equalsTheDefinitionOnShortLongAndNonAsciiTexts() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éÉçßİıبغداد٣—’ \u00a0.,;\n\t-"
                + "\ud83d\ude00";
        for (String text : new String[] {"", "one", "one two", "one two three", STORY, STORY.repeat(40)}) {
            assertThat(SimHash.of(text)).as(text.length() + " chars").isEqualTo(definition(text));
        }
        for (int t = 0; t < 300; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1, 20_000);
            while (text.length() < length) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(SimHash.of(text.toString())).as("random text %d", t).isEqualTo(definition(text.toString()));
        }
    }

    /** SimHash as defined: per shingle, each of the 64 weights moves one up or down; the sign gives the bit. */
    private static long definition(String text) {
        int[] weights = new int[64];
        long w1 = 0;
        long w2 = 0;
        int words = 0;
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            long h = 0xcbf29ce484222325L;
            boolean any = false;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                h = (h ^ Character.toLowerCase(text.charAt(i))) * 0x100000001b3L;
                i++;
                any = true;
            }
            if (!any) {
                break;
            }
            if (++words >= 3) {
                long z = w2 * 31 + w1 * 17 + h;
                z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
                z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
                long shingle = z ^ (z >>> 33);
                for (int b = 0; b < 64; b++) {
                    weights[b] += ((shingle >>> b) & 1) == 1 ? 1 : -1;
                }
            }
            w2 = w1;
            w1 = h;
        }
        long out = 0;
        for (int b = 0; b < 64; b++) {
            if (weights[b] > 0) {
                out |= 1L << b;
            }
        }
        return out;
    }
}
