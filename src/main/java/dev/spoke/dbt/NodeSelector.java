package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dbt's node selection syntax ({@code --select}, {@code --exclude}), as dbt users know it, evaluated over candidates so
 * that the engine can select exports and destinations as well as models.
 *
 * <p>Each argument may hold several selectors separated by spaces (their union); a comma inside a selector intersects
 * its criteria; no {@code --select} means every candidate; {@code --exclude} removes what it matches. Methods: bare
 * names and {@code fqn:} (a model name selects every version; {@code name.v2} one; a dotted fqn prefix such as
 * {@code staging} or {@code jaffle_shop.marts} a folder; {@code *} wildcards), {@code tag:}, {@code path:},
 * {@code file:}, {@code package:} ({@code this} = the root project), {@code config.<key>:}, {@code resource_type:},
 * {@code result:<status>} (needs run results), {@code version:}, {@code group:}, {@code source:},
 * {@code exposure:}, {@code metric:}, and spoke's {@code export:<glob>} and {@code destination:<glob>}, which match the
 * candidates' attributes. Graph operators {@code +x}, {@code N+x}, {@code x+}, {@code x+N} and {@code @x} walk the
 * manifest's parent and child maps through every node type; only candidates (models) are returned. With
 * {@code export:} or {@code destination:}, the operators add every candidate of the models reached, while the matched
 * candidates stay exactly those matched.
 *
 * <p>Bad syntax or an unknown method is a {@link dev.spoke.SpokeException} ({@link dev.spoke.ExitCode#CONFIG_ERROR})
 * naming the selector and listing the valid methods. A selector that matches nothing is not an error: see
 * {@link Selection#unmatchedSelect()}.
 */
public final class NodeSelector {
    private NodeSelector() {}

    /**
     * @param manifest the manifest whose models and graph the selectors refer to
     * @param candidates what may be selected (e.g. one per export and destination)
     * @param select the {@code --select} arguments; empty selects every candidate
     * @param exclude the {@code --exclude} arguments
     * @param runResults dbt's last run results for {@code result:}, or {@code null} when none were read
     * @return the selected candidates, in the order given
     */
    public static List<Selectable> select(Manifest manifest, List<Selectable> candidates, List<String> select,
            List<String> exclude, RunResults runResults) {
        return evaluate(manifest, candidates, select, exclude, runResults).selected();
    }

    /** Like {@link #select}, also telling which selectors matched nothing. */
    public static Selection evaluate(Manifest manifest, List<Selectable> candidates, List<String> select,
            List<String> exclude, RunResults runResults) {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(candidates, "candidates is null");
        List<SelectorParser.ParsedSelector> selectors =
                SelectorParser.parseAll(requireNonNull(select, "select is null"));
        List<SelectorParser.ParsedSelector> exclusions =
                SelectorParser.parseAll(requireNonNull(exclude, "exclude is null"));
        Evaluation evaluation = new Evaluation(manifest, candidates, runResults);
        List<String> unmatchedSelect = new ArrayList<>();
        BitSet selected = new BitSet();
        if (selectors.isEmpty()) {
            selected.set(0, candidates.size());
        }
        for (SelectorParser.ParsedSelector selector : selectors) {
            BitSet matched = evaluation.selector(selector);
            if (matched.isEmpty()) {
                unmatchedSelect.add(selector.text());
            }
            selected.or(matched);
        }
        List<String> unmatchedExclude = new ArrayList<>();
        for (SelectorParser.ParsedSelector exclusion : exclusions) {
            BitSet matched = evaluation.selector(exclusion);
            if (matched.isEmpty()) {
                unmatchedExclude.add(exclusion.text());
            }
            selected.andNot(matched);
        }
        List<Selectable> result = new ArrayList<>(selected.cardinality());
        selected.stream().forEach(index -> result.add(candidates.get(index)));
        return new Selection(result, unmatchedSelect, unmatchedExclude);
    }

    /** One evaluation: the candidates indexed by model, the graph and the matcher. */
    private static final class Evaluation {
        private final List<Selectable> candidates;
        private final Map<String, BitSet> candidatesByModel = new HashMap<>();
        private final DependencyGraph graph;
        private final NodeMatcher matcher;

        Evaluation(Manifest manifest, List<Selectable> candidates, RunResults runResults) {
            this.candidates = candidates;
            for (int i = 0; i < candidates.size(); i++) {
                candidatesByModel.computeIfAbsent(candidates.get(i).modelUniqueId(), id -> new BitSet()).set(i);
            }
            this.graph = new DependencyGraph(manifest);
            this.matcher = new NodeMatcher(manifest, runResults, graph);
        }

        BitSet selector(SelectorParser.ParsedSelector selector) {
            BitSet result = null;
            for (SelectionCriterion criterion : selector.criteria()) {
                BitSet matched = criterion(criterion, selector.text());
                if (result == null) {
                    result = matched;
                } else {
                    result.and(matched);
                }
            }
            return result == null ? new BitSet() : result;
        }

        private BitSet criterion(SelectionCriterion criterion, String selector) {
            if (criterion.method().matchesCandidates()) {
                return candidateCriterion(criterion);
            }
            Set<String> nodes = matcher.match(criterion, selector);
            if (criterion.walksGraph()) {
                nodes = new LinkedHashSet<>(nodes);
                nodes.addAll(graph.neighbours(criterion, nodes));
            }
            return candidatesOf(nodes);
        }

        /** export:/destination: match candidates; graph operators add the candidates of the other models reached. */
        private BitSet candidateCriterion(SelectionCriterion criterion) {
            Glob glob = Glob.of(criterion.value());
            String attribute = criterion.method() == SelectorMethod.EXPORT ? Selectable.EXPORT : Selectable.DESTINATION;
            BitSet matched = new BitSet();
            Set<String> models = new LinkedHashSet<>();
            for (int i = 0; i < candidates.size(); i++) {
                if (glob.matches(candidates.get(i).attribute(attribute))) {
                    matched.set(i);
                    models.add(candidates.get(i).modelUniqueId());
                }
            }
            if (criterion.walksGraph()) {
                Set<String> reached = graph.neighbours(criterion, models);
                reached.removeAll(models);
                matched.or(candidatesOf(reached));
            }
            return matched;
        }

        private BitSet candidatesOf(Set<String> nodes) {
            BitSet bits = new BitSet();
            for (String node : nodes) {
                BitSet forModel = candidatesByModel.get(node);
                if (forModel != null) {
                    bits.or(forModel);
                }
            }
            return bits;
        }
    }
}
