package dev.spoke.dbt;

import dev.spoke.SpokeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses dbt's selection syntax: each {@code --select}/{@code --exclude} argument holds selectors separated by spaces
 * (a union); a selector holds criteria separated by commas (an intersection); a criterion is
 * {@code [@][N+][method[.arg...]:]value[+N]}. Bad syntax and unknown methods are {@link SpokeException}s naming the
 * selector and listing the valid methods.
 */
final class SelectorParser {
    private static final Pattern CRITERION = Pattern.compile(
            "\\A(?<childrensParents>@)?(?<parents>(?<parentsDepth>\\d*)\\+)?"
                    + "(?:(?<method>[\\w.]+):)?(?<value>.*?)(?<children>\\+(?<childrenDepth>\\d*))?\\z");
    private static final String HINT = "Write selectors as dbt does, e.g. --select"
            + " 'tag:nightly,config.materialized:table' '+customers' 'export:crm_*'. Valid methods: "
            + SelectorMethod.describeAll();

    private SelectorParser() {}

    /** The space-separated selectors of every argument, each as its comma-separated criteria. */
    static List<ParsedSelector> parseAll(List<String> arguments) {
        List<ParsedSelector> selectors = new ArrayList<>();
        for (String argument : arguments) {
            for (String selector : argument.trim().split("\\s+")) {
                if (!selector.isEmpty()) {
                    selectors.add(parse(selector));
                }
            }
        }
        return selectors;
    }

    /** One selector: its text and the criteria it intersects. */
    record ParsedSelector(String text, List<SelectionCriterion> criteria) {}

    static ParsedSelector parse(String selector) {
        List<SelectionCriterion> criteria = new ArrayList<>();
        for (String criterion : selector.split(",", -1)) {
            if (criterion.isEmpty()) {
                throw invalid(selector, "it has an empty part between commas");
            }
            criteria.add(criterion(selector, criterion));
        }
        return new ParsedSelector(selector, List.copyOf(criteria));
    }

    private static SelectionCriterion criterion(String selector, String raw) {
        Matcher match = CRITERION.matcher(raw);
        if (!match.matches()) {
            throw invalid(selector, "it does not follow [@][N+][method:]value[+N]");
        }
        String value = match.group("value");
        if (value.isEmpty()) {
            throw invalid(selector, "'" + raw + "' has no value to match");
        }
        if (value.contains("+") || value.contains("@")) {
            throw invalid(selector, "'+' and '@' may only stand at the start or the end of '" + raw + "'");
        }
        boolean childrensParents = match.group("childrensParents") != null;
        boolean children = match.group("children") != null;
        if (childrensParents && children) {
            throw invalid(selector, "the '@' prefix and the '+' suffix cannot be combined in '" + raw + "'");
        }
        if (childrensParents && match.group("parents") != null) {
            throw invalid(selector, "the '@' prefix already includes the ancestors; drop the '+' in '" + raw + "'");
        }
        String methodText = match.group("method");
        SelectorMethod method;
        List<String> arguments = List.of();
        if (methodText == null) {
            method = defaultMethod(value);
        } else {
            String[] parts = methodText.split("\\.", -1);
            method = method(selector, parts[0]);
            arguments = List.of(Arrays.copyOfRange(parts, 1, parts.length));
            if (method == SelectorMethod.CONFIG && (arguments.isEmpty() || arguments.contains(""))) {
                throw invalid(selector, "config needs the key to compare, e.g. config.materialized:table");
            }
            if (method != SelectorMethod.CONFIG && !arguments.isEmpty()) {
                throw invalid(selector, "method '" + parts[0] + "' takes no '." + String.join(".", arguments) + "'");
            }
        }
        return new SelectionCriterion(raw, method, arguments, value, match.group("parents") != null,
                depth(selector, match.group("parentsDepth")), children, depth(selector, match.group("childrenDepth")),
                childrensParents);
    }

    /** dbt's default for a bare word: a path when it holds a slash, a file name when it has a model extension. */
    private static SelectorMethod defaultMethod(String value) {
        if (value.contains("/") || value.contains("\\")) {
            return SelectorMethod.PATH;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".sql") || lower.endsWith(".py") || lower.endsWith(".csv")) {
            return SelectorMethod.FILE;
        }
        return SelectorMethod.FQN;
    }

    private static SelectorMethod method(String selector, String token) {
        return SelectorMethod.byToken(token).orElseThrow(() -> {
            if (SelectorMethod.DBT_ONLY.contains(token)) {
                return invalid(selector, "dbt's method '" + token + "' is not supported by spoke");
            }
            return invalid(selector, "'" + token + "' is not a selection method");
        });
    }

    private static Integer depth(String selector, String digits) {
        if (digits == null || digits.isEmpty()) {
            return null;
        }
        if (digits.length() > 6) {
            throw invalid(selector, "the graph depth " + digits + " is too large");
        }
        return Integer.valueOf(digits);
    }

    static SpokeException invalid(String selector, String problem) {
        return SpokeException.config("selector '" + selector + "' is not valid: " + problem, HINT);
    }
}
