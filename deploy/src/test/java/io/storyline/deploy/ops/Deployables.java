package io.storyline.deploy.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files as the tests read them: the repository's {@code deploy/} folder, YAML documents
 * (multi-document, with anchors and merge keys resolved, as Docker Compose and kubectl read them) and the
 * containers they run, each with the environment it gets.
 */
final class Deployables {

    /** The Kafka Streams services the image runs, by the command that starts them. */
    static final List<String> SERVICES = List.of("ingest", "enrich", "aggregate", "alert");
    /** The board's command: it runs from the same image but is no Kafka Streams service (it only reads). */
    static final String BOARD = "board";

    private Deployables() {
    }

    /** The {@code deploy} module's folder: Maven runs its tests there. */
    static Path deployDir() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("compose")) || !Files.isDirectory(dir.resolve("k8s"))) {
            throw new IllegalStateException("tests must run in the deploy module's folder, not " + dir);
        }
        return dir;
    }

    static Path repositoryRoot() {
        return deployDir().getParent();
    }

    static Path composeFile() {
        return deployDir().resolve("compose/compose.yaml");
    }

    static Path k8sDir() {
        return deployDir().resolve("k8s");
    }

    static Path dockerfile() {
        return deployDir().resolve("docker/Dockerfile");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML file under {@code dir}. */
    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a YAML file, empty ones dropped; each a map. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map)) {
                    throw new IllegalArgumentException(file + ": a document is not a mapping: " + document);
                }
                documents.add((Map<String, Object>) document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /** The value at a path of keys and list indexes, or null where the path leads nowhere. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map && step instanceof String key) {
                current = map.get(key);
            } else if (current instanceof List<?> list && step instanceof Integer index && index < list.size()) {
                current = list.get(index);
            } else {
                return null;
            }
        }
        return (T) current;
    }

    static String text(Object node, Object... path) {
        Object value = at(node, path);
        return value == null ? null : value.toString();
    }

    static List<Map<String, Object>> list(Object node, Object... path) {
        List<Map<String, Object>> value = at(node, path);
        return value == null ? List.of() : value;
    }

    static String kind(Map<String, Object> document) {
        return text(document, "kind");
    }

    static String name(Map<String, Object> document) {
        return text(document, "metadata", "name");
    }

    /** A resource file of a kustomization with its documents. */
    record Resource(Path file, Map<String, Object> document) {
        String kind() {
            return Deployables.kind(document);
        }

        String name() {
            return Deployables.name(document);
        }
    }

    /** The documents a kustomization lists under {@code resources}, recursively, in order. */
    static List<Resource> kustomization(Path dir) {
        List<Resource> resources = new ArrayList<>();
        Map<String, Object> kustomization = documents(dir.resolve("kustomization.yaml")).get(0);
        for (Object entry : Objects.requireNonNullElse(Deployables.<List<Object>>at(kustomization, "resources"),
                List.<Object>of())) {
            Path path = dir.resolve(entry.toString()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(kustomization(path));
            } else {
                documents(path).forEach(document -> resources.add(new Resource(path, document)));
            }
        }
        return resources;
    }

    /**
     * One container that runs a Storyline service, with the environment it gets: the image's defaults (the
     * Dockerfile's {@code ENV}) overridden by what the manifest sets. A value taken from elsewhere at run time
     * (a secret, the downward API) is written as {@code <from:...>}.
     */
    record ServiceContainer(String where, String service, Map<String, String> environment,
                            Map<String, Object> spec) {
    }

    /** The {@code ENV} settings of the Dockerfile's last stage: what every container starts with. */
    static Map<String, String> imageEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        Pattern pair = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)");
        for (String instruction : Dockerfile.instructions(read(dockerfile()), true)) {
            if (instruction.startsWith("ENV ")) {
                Matcher matcher = pair.matcher(instruction.substring(4));
                while (matcher.find()) {
                    environment.put(matcher.group(1), matcher.group(2).replaceAll("^\"|\"$", ""));
                }
            }
        }
        return environment;
    }

    /** The service containers of the compose file. */
    static List<ServiceContainer> composeServices() {
        return composeContainers(SERVICES);
    }

    /** The containers of the compose file whose command is one of {@code commands}. */
    static List<ServiceContainer> composeContainers(List<String> commands) {
        Map<String, Object> compose = documents(composeFile()).get(0);
        List<ServiceContainer> containers = new ArrayList<>();
        Map<String, Object> services = at(compose, "services");
        services.forEach((name, value) -> {
            List<Object> command = at(value, "command");
            if (command != null && commands.contains(command.get(0).toString())) {
                Map<String, String> environment = imageEnvironment();
                Map<String, Object> set = Objects.requireNonNullElse(at(value, "environment"), Map.of());
                set.forEach((key, v) -> environment.put(key, String.valueOf(v)));
                containers.add(new ServiceContainer("compose service " + name, command.get(0).toString(),
                        environment, at(value)));
            }
        });
        return containers;
    }

    /** The service containers of the Deployments and StatefulSets among {@code resources}. */
    static List<ServiceContainer> workloadContainers(List<Resource> resources) {
        return workloadContainers(resources, SERVICES);
    }

    /** The containers of the Deployments and StatefulSets among {@code resources} that run one of {@code commands}. */
    static List<ServiceContainer> workloadContainers(List<Resource> resources, List<String> commands) {
        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        resources.stream().filter(r -> "ConfigMap".equals(r.kind()))
                .forEach(r -> configMaps.put(r.name(), at(r.document(), "data")));
        List<ServiceContainer> containers = new ArrayList<>();
        for (Resource resource : resources) {
            if (!List.of("Deployment", "StatefulSet").contains(resource.kind())) {
                continue;
            }
            for (Map<String, Object> container : list(resource.document(), "spec", "template", "spec", "containers")) {
                List<Object> args = at(container, "args");
                if (args == null || !commands.contains(args.get(0).toString())) {
                    continue;
                }
                Map<String, String> environment = imageEnvironment();
                for (Map<String, Object> from : list(container, "envFrom")) {
                    String configMap = text(from, "configMapRef", "name");
                    Map<String, Object> data = configMaps.get(configMap);
                    if (data == null) {
                        throw new AssertionError(resource.file() + ": envFrom names a missing ConfigMap " + configMap);
                    }
                    data.forEach((key, value) -> environment.put(key, String.valueOf(value)));
                }
                environment.putAll(env(container));
                containers.add(new ServiceContainer(resource.kind() + " " + resource.name(), args.get(0).toString(),
                        environment, container));
            }
        }
        return containers;
    }

    /** A container's {@code env} list as name to value ({@code <from:...>} for values taken at run time). */
    static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> variable : list(container, "env")) {
            Object value = variable.get("value");
            environment.put(text(variable, "name"), value != null ? value.toString()
                    : "<from:" + at(variable, "valueFrom") + ">");
        }
        return environment;
    }

    /**
     * Folders the compose file mounts read-only into its containers (container path to the folder here), so a
     * setting naming a file in a container can be checked against the file the repository ships. The Kubernetes
     * manifests mount the same content at the same paths (a test keeps them equal).
     */
    static Map<String, Path> mountedFolders() {
        Map<String, Path> folders = new LinkedHashMap<>();
        Map<String, Object> services = at(documents(composeFile()).get(0), "services");
        services.values().forEach(service -> {
            for (Object volume : Objects.requireNonNullElse(Deployables.<List<Object>>at(service, "volumes"),
                    List.<Object>of())) {
                String[] parts = volume.toString().split(":");
                if (parts.length == 3 && parts[0].startsWith("./") && parts[2].equals("ro")) {
                    folders.put(parts[1], composeFile().getParent().resolve(parts[0]).normalize());
                }
            }
        });
        return folders;
    }

    /** {@code environment} with paths inside a container turned into the files they are here. */
    static Map<String, String> onThisMachine(Map<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>(environment);
        mountedFolders().forEach((inside, here) -> out.replaceAll((name, value) -> value.startsWith(inside + "/")
                ? here.resolve(value.substring(inside.length() + 1)).toString() : value));
        return out;
    }

    /** Kubernetes memory quantity in bytes ({@code 512Mi}, {@code 1Gi}); compose's {@code 512m}, {@code 1g} too. */
    static long bytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)([A-Za-z]*)").matcher(quantity.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a memory quantity: " + quantity);
        }
        long number = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "", "b" -> number;
            case "Ki", "k" -> number << 10;
            case "Mi", "m" -> number << 20;
            case "Gi", "g" -> number << 30;
            default -> throw new IllegalArgumentException("unknown unit in " + quantity);
        };
    }
}
