package org.caveat.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CuesTest {

    private static long bit(String cue) {
        for (int k = 0; k < Cues.ALL.size(); k++) {
            if (Cues.ALL.get(k).name().equals(cue)) {
                return 1L << k;
            }
        }
        throw new AssertionError("no cue " + cue);
    }

    /**
     * Regression: the email and money cues backtracked once per character of a long word, so a 5,000-character
     * word or digit run (a capped segment of an input without spaces) took 50 to 500 ms per cue and a 1 MB
     * input without spaces took 18 s. Now each run is tried once.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void longWordsAndDigitRunsTakeLinearTime() {
        String[] runs = {"a".repeat(5000), "1".repeat(5000), "a.".repeat(2500), "A".repeat(5000), "1.".repeat(2500)};
        long t0 = System.nanoTime();
        for (int rep = 0; rep < 20; rep++) {
            for (String r : runs) {
                Cues.fire(r);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 3000, "100 cue scans of 5,000-character runs took " + ms + " ms");
    }

    /** The rewritten email and money patterns fire on exactly the texts the original patterns fired on. */
    @Test
    void rewrittenPatternsMatchWhatTheOriginalsMatched() {
        Pattern oldEmail = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
        Pattern oldMoney = Pattern.compile("\\$ ?\\d|\\d+(\\.\\d+)? ?(million|billion|percent|%)",
                Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
        List<String> samples = new ArrayList<>(List.of("ir@acme.com", "contact ir@acme.co.uk today", "a@b", "a@b.",
                "@acme.com", "x.@y-z.c", "12.5 million", "12.5million", "1.2.3 percent", "3%", "$ 4", "revenue of 40 billion",
                "12. million", ".5 million", "1 1/2 percent", "a1 million"));
        Random r = new Random(20240601L);
        String alphabet = "a1.@-+ $%\nmilonbperct";
        for (int i = 0; i < 20000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(24);
            for (int k = 0; k < n; k++) {
                b.append(r.nextInt(4) == 0 ? "million" : String.valueOf(alphabet.charAt(r.nextInt(alphabet.length()))));
            }
            samples.add(b.toString());
        }
        long email = bit("email");
        long money = bit("money");
        for (String s : samples) {
            long fired = Cues.fire(s);
            assertEquals(oldEmail.matcher(s).find(), (fired & email) != 0, () -> "email cue on \"" + s + "\"");
            assertEquals(oldMoney.matcher(s).find(), (fired & money) != 0, () -> "money cue on \"" + s + "\"");
        }
    }
}
