package io.storyline.deploy.ops;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/README.md, as far as the tests read it: its table of {@code STORYLINE_*} settings. */
final class OperatorGuide {

    private static final Pattern ROW = Pattern.compile(
            "^\\| `(STORYLINE_[A-Z0-9_]+)` \\| (?:`(storyline\\.[a-z0-9.]+)`|—) \\|", Pattern.MULTILINE);

    private OperatorGuide() {
    }

    /** Documented variable to the setting it is ("" for variables read directly, not as a setting). */
    static Map<String, String> documentedVariables() {
        Map<String, String> variables = new TreeMap<>();
        Matcher matcher = ROW.matcher(Deployables.read(Deployables.deployDir().resolve("README.md")));
        while (matcher.find()) {
            variables.put(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
        }
        return variables;
    }
}
