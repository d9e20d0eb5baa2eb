package io.incidentstreams.enrich.dedup;

import java.util.Locale;

/**
 * 64-bit SimHash over word 3-shingles. A wire story republished with a new headline and a reworded sentence
 * lands within a few bits of the original; unrelated texts differ by about 32 bits.
 */
public final class SimHash {
    /** Texts within this many differing bits are near-duplicates: a reworded sentence in a short story moves
     * about 8 bits, unrelated texts differ by about 32. */
    public static final int NEAR_DUPLICATE_BITS = 10;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SimHash() {
    }

    public static long of(String text) {
        int[] weights = new int[64];
        long w1 = 0;
        long w2 = 0;
        int words = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            long h = FNV_OFFSET;
            boolean any = false;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                h = (h ^ Character.toLowerCase(text.charAt(i))) * FNV_PRIME;
                i++;
                any = true;
            }
            if (!any) {
                break;
            }
            words++;
            if (words >= 3) {
                long shingle = mix(w2 * 31 + w1 * 17 + h);
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

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static boolean nearDuplicates(long a, long b) {
        return distance(a, b) <= NEAR_DUPLICATE_BITS;
    }

    public static String hex(long v) {
        return String.format(Locale.ROOT, "%016x", v);
    }

    public static long parse(String hex) {
        return Long.parseUnsignedLong(hex, 16);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
