package io.replicator.s3sync;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Include/exclude globs on keys relative to the prefix: {@code *} matches within one path segment,
 * {@code **} across segments, {@code ?} one character, {@code [abc]} a class, {@code {a,b}}
 * alternatives. A key passes when it matches some include (or there are none) and no exclude.
 * Excluded keys are neither copied nor deleted. Hand-rolled because java.nio's PathMatcher works on
 * Paths, and arbitrary S3 keys are not always valid paths.
 */
public final class KeyFilter {
    public static final KeyFilter ALL = new KeyFilter(List.of(), List.of());

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    public KeyFilter(List<String> includeGlobs, List<String> excludeGlobs) {
        this.includes = includeGlobs.stream().map(KeyFilter::toRegex).toList();
        this.excludes = excludeGlobs.stream().map(KeyFilter::toRegex).toList();
    }

    public boolean accepts(String key) {
        if (!includes.isEmpty() && includes.stream().noneMatch(p -> p.matcher(key).matches())) {
            return false;
        }
        return excludes.stream().noneMatch(p -> p.matcher(key).matches());
    }

    static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        re.append(".*");
                        i++;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed '[' in glob '" + glob + "'");
                    }
                    String body = glob.substring(i + 1, end).replace("\\", "\\\\");
                    re.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
                    i = end;
                }
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw new IllegalArgumentException("unmatched '}' in glob '" + glob + "'");
                    }
                    braces--;
                    re.append(')');
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces != 0) {
            throw new IllegalArgumentException("unclosed '{' in glob '" + glob + "'");
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
