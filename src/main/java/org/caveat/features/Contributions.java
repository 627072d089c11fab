package org.caveat.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caveat.Contribution;

/**
 * Turns named features and model weights into the contributions of an explanation. Stateless.
 *
 * <p>Occurrences of one feature are added up. The many small features of a segment's context (the words
 * of its paragraph and of its neighbours) and its character trigrams are added up by kind, so that "the
 * words of the paragraph" is one contribution, named with its strongest words, rather than a list of
 * "the" and "and" that each say little.
 */
public final class Contributions {
    private static final Pattern CONTEXT_WORD = Pattern.compile("word (\".*\") \\((paragraph|previous segment|next segment)\\)");
    private static final Pattern CHARS = Pattern.compile("chars (\".*\")");
    /** How many member names a group's name shows. */
    private static final int SHOWN = 3;

    private Contributions() {
    }

    /**
     * Computes the largest contributions: each feature's value times {@code scale} times its weight.
     *
     * @param x the features, from a naming builder; unnamed ones (the constant bias) are left out
     * @param scale a factor on every value (the unit-length scaling of the vector, or 1)
     * @param weight the weight of a feature index for the decision explained
     * @param limit how many to keep at most
     * @return the contributions with the largest absolute values, largest first; none that rounds to 0
     */
    public static List<Contribution> top(FeatureVector.Builder x, double scale, IntToDoubleFunction weight, int limit) {
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int j = 0; j < x.count(); j++) {
            String name = x.name(j);
            if (name != null) {
                byName.merge(name, x.value(j) * scale * weight.applyAsDouble(x.index(j)), Double::sum);
            }
        }
        // Groups: total and members, in first-seen order.
        Map<String, Double> total = new LinkedHashMap<>();
        Map<String, List<Map.Entry<String, Double>>> members = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : byName.entrySet()) {
            String group;
            String member;
            Matcher m = CONTEXT_WORD.matcher(e.getKey());
            if (m.matches()) {
                group = "words of the " + m.group(2);
                member = m.group(1);
            } else {
                Matcher c = CHARS.matcher(e.getKey());
                if (c.matches()) {
                    group = "character trigrams";
                    member = c.group(1);
                } else {
                    group = e.getKey();
                    member = null;
                }
            }
            total.merge(group, e.getValue(), Double::sum);
            if (member != null) {
                members.computeIfAbsent(group, k -> new ArrayList<>()).add(Map.entry(member, e.getValue()));
            }
        }
        List<Contribution> out = new ArrayList<>();
        total.entrySet().stream()
                .filter(e -> Math.abs(e.getValue()) >= 5e-4)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())))
                .limit(limit)
                .forEach(e -> out.add(new Contribution(groupName(e.getKey(), e.getValue(), members.get(e.getKey())), e.getValue())));
        return out;
    }

    /** A group is named with the members that pushed most in its direction: {@code words of the paragraph "the", "and"}. */
    private static String groupName(String group, double total, List<Map.Entry<String, Double>> members) {
        if (members == null) {
            return group;
        }
        StringBuilder b = new StringBuilder(group).append(' ');
        members.stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.signum(total) * e.getValue()))
                .limit(SHOWN)
                .forEach(e -> b.append(b.charAt(b.length() - 1) == ' ' ? "" : ", ").append(e.getKey()));
        if (members.size() > SHOWN) {
            b.append(", ...");
        }
        return b.toString();
    }
}
