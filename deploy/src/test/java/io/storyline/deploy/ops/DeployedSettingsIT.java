package io.storyline.deploy.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.common.runtime.StorylineConfig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code STORYLINE_*} variables of every deployment file are settings the services really read. The three
 * services run on the real broker with their compose environment until an article has gone all the way to an
 * incident (so every processor, the enricher included, has started), and what they looked up is compared with
 * what the compose file, the Kubernetes manifests and the operator guide say.
 */
class DeployedSettingsIT {

    /** Variables the logging configuration reads itself ({@code ${env:NAME}} in log4j2.xml). */
    static Set<String> loggingVariables() throws Exception {
        Set<String> variables = new TreeSet<>();
        try (InputStream in = DeployedSettingsIT.class.getResourceAsStream("/log4j2.xml")) {
            Matcher matcher = Pattern.compile("\\$\\{env:([A-Z0-9_]+)").matcher(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
        }
        return variables;
    }

    /** The variable the launcher reads to print stack traces. */
    static String launcherDebugVariable() {
        try {
            java.lang.reflect.Field field = io.storyline.launcher.Main.class.getDeclaredField("DEBUG_ENV");
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the launcher no longer names its debug variable DEBUG_ENV", e);
        }
    }

    @Test
    void everyStorylineVariableDeployedIsReadByItsServiceAndDocumented() throws Exception {
        Pipeline pipeline = new Pipeline("settings", 1);
        try (pipeline) {
            for (String service : Deployables.SERVICES) {
                pipeline.start(service);
            }
            Map.Entry<String, String> article = ScaleOutIT.articles().entrySet().iterator().next();
            pipeline.publish(Map.of(article.getKey(), article.getValue()));
            pipeline.awaitIncidentsHolding(Set.of(article.getKey()));
        }
        // Read after closing: shutting down looks settings up too.
        Map<String, Set<String>> read = new TreeMap<>();
        Deployables.SERVICES.forEach(service -> read.put(service, pipeline.keysRead(service)));

        List<Deployables.ServiceContainer> containers = new ArrayList<>(Deployables.composeServices());
        containers.addAll(Deployables.workloadContainers(
                Deployables.kustomization(Deployables.k8sDir().resolve("base"))));
        containers.addAll(Deployables.workloadContainers(
                Deployables.kustomization(Deployables.k8sDir().resolve("overlays/production"))));
        Set<String> logging = loggingVariables();
        List<String> unread = new ArrayList<>();
        for (Deployables.ServiceContainer container : containers) {
            container.environment().keySet().stream()
                    .filter(variable -> variable.startsWith(StorylineConfig.PREFIX.toUpperCase().replace('.', '_')))
                    .filter(variable -> !logging.contains(variable))
                    .filter(variable -> !read.get(container.service()).contains(KnownSettings.keyOf(variable)))
                    .forEach(variable -> unread.add(container.where() + ": " + variable));
        }
        assertEquals(List.of(), unread, "variables their service never reads");

        Map<String, String> documented = OperatorGuide.documentedVariables();
        Set<String> storylineKeysRead = new TreeSet<>();
        read.values().forEach(keys -> keys.stream().filter(k -> k.startsWith(StorylineConfig.PREFIX))
                .forEach(storylineKeysRead::add));
        Set<String> undocumented = new TreeSet<>();
        storylineKeysRead.stream().filter(key -> !key.equals(documented.get(StorylineConfig.envNameOf(key))))
                .forEach(undocumented::add);
        assertEquals(Set.of(), undocumented, "settings the services read that deploy/README.md does not list");

        Set<String> stale = new TreeSet<>();
        documented.forEach((variable, key) -> {
            boolean readDirectly = key.isEmpty() && (logging.contains(variable) || variable.equals(launcherDebugVariable()));
            if (!readDirectly && !storylineKeysRead.contains(key)) {
                stale.add(variable);
            }
        });
        assertEquals(Set.of(), stale, "settings deploy/README.md lists that no service reads");
    }
}
