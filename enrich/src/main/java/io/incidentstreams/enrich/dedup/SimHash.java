package io.incidentstreams.enrich.dedup;

import java.util.HexFormat;

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

    /** {@link Character#isLetterOrDigit(char)} and {@link Character#toLowerCase(char)} of ASCII, by table. */
    private static final boolean[] ASCII_WORD = new boolean[128];
    private static final char[] ASCII_LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
            ASCII_LOWER[c] = Character.toLowerCase(c);
        }
    }

    private SimHash() {
    }

    public static long of(String text) {
        // Bit b of the result is set when more than half of the shingles have bit b set. The per-bit counts are
        // kept bit-sliced: planes[k] holds bit k of 64 counters at once, so adding a shingle costs a few word
        // operations instead of 64 increments. Eight planes count to 255; they are emptied into ones[] before that.
        long[] planes = new long[8];
        int[] ones = new int[64];
        int inPlanes = 0;
        int shingles = 0;
        long w1 = 0;
        long w2 = 0;
        int words = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !wordChar(text.charAt(i))) {
                i++;
            }
            long h = FNV_OFFSET;
            boolean any = false;
            while (i < n) {
                char c = text.charAt(i);
                if (!wordChar(c)) {
                    break;
                }
                h = (h ^ lower(c)) * FNV_PRIME;
                i++;
                any = true;
            }
            if (!any) {
                break;
            }
            words++;
            if (words >= 3) {
                long carry = mix(w2 * 31 + w1 * 17 + h);
                for (int k = 0; carry != 0; k++) {
                    long both = planes[k] & carry;
                    planes[k] ^= carry;
                    carry = both;
                }
                shingles++;
                if (++inPlanes == 255) {
                    drain(planes, ones);
                    inPlanes = 0;
                }
            }
            w2 = w1;
            w1 = h;
        }
        drain(planes, ones);
        long out = 0;
        for (int b = 0; b < 64; b++) {
            // The weight of bit b, one vote up per shingle with it set and one down per shingle without, is > 0.
            if (2 * ones[b] > shingles) {
                out |= 1L << b;
            }
        }
        return out;
    }

    /** Adds the bit-sliced counts to the per-bit totals and empties the planes. */
    private static void drain(long[] planes, int[] ones) {
        for (int k = 0; k < planes.length; k++) {
            for (long p = planes[k]; p != 0; p &= p - 1) {
                ones[Long.numberOfTrailingZeros(p)] += 1 << k;
            }
            planes[k] = 0;
        }
    }

    private static boolean wordChar(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }

    private static char lower(char c) {
        return c < 128 ? ASCII_LOWER[c] : Character.toLowerCase(c);
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static boolean nearDuplicates(long a, long b) {
        return distance(a, b) <= NEAR_DUPLICATE_BITS;
    }

    /** 16 lowercase hex digits. */
    public static String hex(long v) {
        return HexFormat.of().toHexDigits(v);
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
