package dev.spoke.dbt;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A shell-style pattern as Python's {@code fnmatch} reads it, which is what dbt uses for {@code tag:},
 * {@code package:}, {@code file:} and wildcards in names: {@code *} matches anything (dots and slashes too),
 * {@code ?} one character, {@code [abc]} and {@code [!abc]} one character of (or not of) a set. Case-sensitive, as on
 * Linux and macOS.
 */
final class Glob {
    private final Pattern pattern;

    private Glob(Pattern pattern) {
        this.pattern = pattern;
    }

    static Glob of(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[' && glob.indexOf(']', i + 1) > 0) {
                int end = glob.indexOf(']', i + 1);
                String set = glob.substring(i, end);
                regex.append('[');
                if (set.startsWith("!")) {
                    regex.append('^');
                    set = set.substring(1);
                }
                regex.append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = end + 1;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return new Glob(Pattern.compile(regex.toString(), Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            // A set such as [z-a] that no name can match: the text is then taken literally.
            return new Glob(Pattern.compile(Pattern.quote(glob)));
        }
    }

    /** True when the text holds a character that makes it a pattern rather than a plain name. */
    static boolean isPattern(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0 || text.indexOf(']') >= 0;
    }

    boolean matches(String text) {
        return text != null && pattern.matcher(text).matches();
    }
}
