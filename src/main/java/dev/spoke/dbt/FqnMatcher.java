package dev.spoke.dbt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * dbt's matching of a bare word or an {@code fqn:} value against a node's fully qualified name: the model's name
 * ({@code customers} also selects every version of a versioned model; {@code customers.v2} and {@code customers_v2}
 * one version), or a dotted prefix of the fqn with or without the package ({@code staging} selects every model under
 * {@code models/staging}), with {@code *} wildcards matching the rest of the name.
 */
final class FqnMatcher {
    private FqnMatcher() {}

    static boolean matches(List<String> fqn, String selector, boolean versioned) {
        if (fqn.isEmpty()) {
            return false;
        }
        return isSelected(fqn, selector, versioned)
                || (fqn.size() > 1 && isSelected(fqn.subList(1, fqn.size()), selector, versioned));
    }

    private static boolean isSelected(List<String> fqn, String selector, boolean versioned) {
        String[] selectorParts = selector.split("\\.", -1);
        int last = fqn.size() - 1;
        if (versioned && fqn.size() >= 2) {
            if (fqn.get(last - 1).equals(selector)) {
                return true;
            }
            String selectorTail = String.join("_", Arrays.asList(selectorParts)
                    .subList(Math.max(0, selectorParts.length - 2), selectorParts.length));
            if ((fqn.get(last - 1) + "_" + fqn.get(last)).equals(selectorTail)) {
                return true;
            }
        } else if (!versioned && fqn.get(last).equals(selector)) {
            return true;
        }
        List<String> flat = new ArrayList<>();
        for (String segment : fqn) {
            flat.addAll(Arrays.asList(segment.split("\\.", -1)));
        }
        if (flat.size() < selectorParts.length) {
            return false;
        }
        for (int i = 0; i < selectorParts.length; i++) {
            if (Glob.isPattern(selectorParts[i])) {
                String rest = String.join(".", flat.subList(i, flat.size()));
                String pattern = String.join(".", Arrays.asList(selectorParts).subList(i, selectorParts.length));
                return Glob.of(pattern).matches(rest);
            }
            if (!flat.get(i).equals(selectorParts[i])) {
                return false;
            }
        }
        return true;
    }
}
