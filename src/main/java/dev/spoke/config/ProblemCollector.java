package dev.spoke.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Collects the problems of one validation pass. A key (when there is one) reported twice (a missing env var that also leaves a required
 * option unset) is reported once, by whoever saw it first; the list comes out sorted by file, model and key, with
 * list indexes in numeric order ({@code [2]} before {@code [10]}).
 */
final class ProblemCollector {
    private static final Comparator<String> KEY_ORDER = Comparator.nullsFirst(ProblemCollector::compareNaturally);
    static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparing(Problem::model, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Problem::key, KEY_ORDER)
            .thenComparing(Problem::code);

    private final List<Problem> problems = new ArrayList<>();
    private final Set<List<String>> places = new HashSet<>();

    void add(Problem problem) {
        if (problem.key() == null || places.add(place(problem))) {
            problems.add(problem);
        }
    }

    void addAll(List<Problem> more) {
        more.forEach(this::add);
    }

    void add(String code, String model, String file, String key, String message, String hint) {
        add(new Problem(code, model, file, key, message, hint));
    }

    /** Whether any problem was reported at {@code key} or below it ({@code key.x}, {@code key[0]}). */
    boolean anyAtOrBelow(String file, String model, String key) {
        return problems.stream().anyMatch(p -> p.file().equals(file) && Objects.equals(p.model(), model)
                && p.key() != null && (p.key().equals(key) || p.key().startsWith(key + ".")
                        || p.key().startsWith(key + "[")));
    }

    List<Problem> sorted() {
        return problems.stream().sorted(ORDER).toList();
    }

    private static List<String> place(Problem problem) {
        return Arrays.asList(problem.file(), problem.model(), problem.key());
    }

    /** Compares text with runs of digits compared as numbers. */
    static int compareNaturally(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byNumber = new BigInteger(a.substring(i, endA))
                        .compareTo(new BigInteger(b.substring(j, endB)));
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }
}
