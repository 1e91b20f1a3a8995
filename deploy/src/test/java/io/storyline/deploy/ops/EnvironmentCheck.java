package io.storyline.deploy.ops;

import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsService;
import io.storyline.common.runtime.StreamsSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a service container's environment against the code: every {@code KAFKA_*} variable is a Kafka client or
 * Streams setting, every {@code STORYLINE_*} variable is one the operator guide documents (the settings-read test
 * ties that table to what the services really read), any other variable is one the image itself reads (its
 * Dockerfile {@code ENV}, like {@code JAVA_TOOL_OPTIONS}) or one the manifest refers to as {@code $(NAME)}; and
 * what the service needs to start is there: the settings resolve and the service builds its topology from them.
 */
final class EnvironmentCheck {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private EnvironmentCheck() {
    }

    static List<String> problems(Deployables.ServiceContainer container) {
        List<String> problems = new ArrayList<>();
        Map<String, String> environment = container.environment();
        Map<String, String> documented = OperatorGuide.documentedVariables();
        Set<String> imageVariables = Deployables.imageEnvironment().keySet();
        List<String> referenced = new ArrayList<>();
        environment.values().forEach(value -> {
            Matcher matcher = REFERENCE.matcher(value);
            while (matcher.find()) {
                referenced.add(matcher.group(1));
            }
        });
        environment.forEach((variable, value) -> {
            if (variable.startsWith("KAFKA_")) {
                if (!KnownSettings.isClientOrStreamsSetting(KnownSettings.keyOf(variable))) {
                    problems.add(variable + " (" + KnownSettings.keyOf(variable) + ") is no Kafka client or Streams setting");
                }
            } else if (variable.startsWith("STORYLINE_")) {
                if (!documented.containsKey(variable)) {
                    problems.add(variable + " is no documented Storyline setting");
                }
            } else if (!imageVariables.contains(variable) && !referenced.contains(variable)) {
                problems.add(variable + " is read by nothing: neither a setting, nor the image's, nor referred to");
            }
        });
        StorylineConfig config = ServiceFacts.configOf(withoutRuntimeValues(environment));
        try {
            StreamsService service = ServiceFacts.kind(container.service()).create();
            StreamsSettings.of(service, config, config.topics());
            service.topology(config, config.topics());
        } catch (ConfigException e) {
            problems.add("the service cannot start with this environment: " + e.getMessage());
        }
        return problems.stream().map(p -> container.where() + ": " + p).toList();
    }

    /** Values known only at run time (secrets, the pod's name) stand in as plain text for the start check. */
    private static Map<String, String> withoutRuntimeValues(Map<String, String> environment) {
        Map<String, String> out = new java.util.TreeMap<>(environment);
        out.replaceAll((name, value) -> value.startsWith("<from:") ? "runtime-value" : value);
        return out;
    }
}
