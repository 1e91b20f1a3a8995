package io.storyline.deploy.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** deploy/docker/Dockerfile and the Jib profile: what they copy exists, and they build the same image. */
class ContainerImageTest {

    private final String dockerfile = Deployables.read(Deployables.dockerfile());
    private final List<String> runtime = Dockerfile.instructions(dockerfile, true);

    private String instruction(String keyword) {
        return runtime.stream().filter(i -> i.startsWith(keyword + " ")).findFirst()
                .map(i -> i.substring(keyword.length() + 1)).orElseThrow(() -> new AssertionError("no " + keyword));
    }

    private static List<String> jsonArray(String text) throws Exception {
        return Arrays.asList(Json.mapper().readValue(text, String[].class));
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** Text of the first element at a path of tag names below {@code from}, or null. */
    private static String xml(Node from, String... path) {
        Node current = from;
        for (String tag : path) {
            Node found = null;
            NodeList children = current.getChildNodes();
            for (int i = 0; i < children.getLength() && found == null; i++) {
                if (children.item(i) instanceof Element element && element.getTagName().equals(tag)) {
                    found = element;
                }
            }
            if (found == null) {
                return null;
            }
            current = found;
        }
        return current.getTextContent().trim();
    }

    private static Element imageProfile() throws Exception {
        NodeList profiles = pom(Deployables.deployDir().resolve("pom.xml")).getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            if ("image".equals(xml(profiles.item(i), "id"))) {
                return (Element) profiles.item(i);
            }
        }
        throw new AssertionError("deploy/pom.xml has no profile 'image'");
    }

    /** The value of {@code ARG name=value} before the first stage: a base image the build may be given. */
    static String argDefault(String name) {
        return Dockerfile.instructions(Deployables.read(Deployables.dockerfile()), false).stream()
                .takeWhile(i -> !i.startsWith("FROM ")).filter(i -> i.startsWith("ARG " + name + "="))
                .map(i -> i.substring(("ARG " + name + "=").length())).findFirst()
                .orElseThrow(() -> new AssertionError("the Dockerfile has no ARG " + name + " with a default"));
    }

    /** The project's image name, as the parent pom names it for Jib, compose and the tests. */
    static String storylineImage() throws Exception {
        return xml(pom(Deployables.repositoryRoot().resolve("pom.xml")).getDocumentElement(), "properties",
                "storyline.image");
    }

    @Test
    void theBuildTakesTheWholeRepositorySoANewModuleNeedsNoChangeHere() throws Exception {
        assertTrue(Dockerfile.stage(dockerfile, "sources").contains("COPY . /src"), "the sources stage copies all");
        List<String> ignored = Deployables.read(Deployables.repositoryRoot().resolve(".dockerignore")).lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertTrue(ignored.contains("**/target/") && ignored.contains(".git"), "build output stays out: " + ignored);
        NodeList modules = pom(Deployables.repositoryRoot().resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().trim();
            assertTrue(ignored.stream().noneMatch(pattern -> pattern.replaceAll("^/|/$", "").equals(module)),
                    ".dockerignore leaves out module " + module);
        }
        List<String> builds = Dockerfile.stage(dockerfile, "build").stream().filter(i -> i.startsWith("RUN "))
                .toList();
        assertEquals(2, builds.size(), "dependencies first (cached while no pom changes), then the sources");
        for (String build : builds) {
            assertTrue(build.contains("./mvnw") && build.contains("-pl deploy -am package"), build);
            assertTrue(build.contains("dependency:copy-dependencies") && build.contains("-DincludeScope=runtime"),
                    build);
        }
        assertTrue(builds.get(1).contains(" -o "), "the second build runs offline on what the first fetched");
        assertTrue(dockerfile.lines().noneMatch(line -> line.contains("--mount") || line.startsWith("# syntax")),
                "no BuildKit-only syntax: the classic builder (docker-compose 1.29) builds it too");
    }

    @Test
    void theBaseImagesAreBuildArgumentsThatLocalBaseCanMake() {
        List<String> froms = Dockerfile.instructions(dockerfile, false).stream().filter(i -> i.startsWith("FROM "))
                .toList();
        assertEquals(List.of("FROM ${JDK_IMAGE} AS sources", "FROM ${JDK_IMAGE} AS build", "FROM ${JRE_IMAGE}"),
                froms);
        assertEquals("eclipse-temurin:17-jdk", argDefault("JDK_IMAGE"));
        assertEquals("eclipse-temurin:17-jre", argDefault("JRE_IMAGE"));
        String localBase = Deployables.read(Deployables.deployDir().resolve("docker/local-base.sh"));
        assertTrue(Files.isExecutable(Deployables.deployDir().resolve("docker/local-base.sh")));
        for (String tag : List.of("jdk-17", "jre-17")) {
            String argument = "--build-arg " + tag.substring(0, 3).toUpperCase() + "_IMAGE=storyline-base:" + tag;
            assertTrue(localBase.contains(argument) && localBase.contains("java_image " + tag + " "),
                    "local-base.sh makes and documents " + tag);
        }
    }

    @Test
    void theRuntimeStageTakesWhatTheBuildMakesAndRunsTheLauncher() throws Exception {
        String finalName = xml(pom(Deployables.deployDir().resolve("pom.xml")).getDocumentElement(), "build",
                "finalName");
        List<String> taken = runtime.stream().filter(i -> i.startsWith("COPY --from=build ")).map(i -> i.split(" ")[2])
                .toList();
        // copy-dependencies' default output folder; the launcher jar under the module's finalName.
        assertEquals(List.of("/src/deploy/target/dependency/", "/src/deploy/target/" + finalName + ".jar"), taken);
        List<String> entrypoint = jsonArray(instruction("ENTRYPOINT"));
        assertEquals("java", entrypoint.get(0));
        assertEquals("-cp", entrypoint.get(1));
        assertEquals("/opt/storyline/lib/*", entrypoint.get(2));
        Class.forName(entrypoint.get(3)).getMethod("main", String[].class);
        assertTrue(runtime.stream().filter(i -> i.startsWith("COPY --from=build "))
                .allMatch(i -> i.endsWith(" /opt/storyline/lib/")), "the jars land on the entrypoint's class path");
    }

    @Test
    void theHealthCheckAsksForReadinessWithTheProbeTheImageCarries() {
        assertTrue(runtime.contains("COPY deploy/docker/bin/ /opt/storyline/bin/"), runtime.toString());
        Path probe = Deployables.deployDir().resolve("docker/bin/http-probe");
        assertTrue(Files.isExecutable(probe), probe + " is executable");
        String check = instruction("HEALTHCHECK");
        assertTrue(check.contains("CMD /opt/storyline/bin/http-probe "
                + "\"localhost:${STORYLINE_HTTP_PORT}/health/ready\""), check);
        assertEquals(instruction("EXPOSE"), Deployables.imageEnvironment().get("STORYLINE_HTTP_PORT"),
                "the services serve health where the image exposes it");
    }

    @Test
    void theImageRunsUnprivilegedWithItsStateOnAVolumeAndHeapFollowingTheLimit() throws Exception {
        String user = instruction("USER");
        assertNotEquals("0", user.split(":")[0]);
        assertNotEquals("root", user.split(":")[0]);
        Map<String, String> environment = Deployables.imageEnvironment();
        assertEquals(List.of(environment.get("KAFKA_STATE_DIR")), jsonArray(instruction("VOLUME")));
        assertTrue(KnownSettings.isClientOrStreamsSetting(KnownSettings.keyOf("KAFKA_STATE_DIR")));
        assertTrue(environment.get("JAVA_TOOL_OPTIONS").contains("-XX:MaxRAMPercentage="));
        for (Deployables.ServiceContainer container : Deployables.composeServices()) {
            assertEquals(instruction("EXPOSE"), container.environment().get("STORYLINE_HTTP_PORT"),
                    container.where() + " serves HTTP on the port the image exposes");
        }
    }

    @Test
    void theJibProfileBuildsTheSameImage() throws Exception {
        Element jib = imageProfile();
        Node container = jib.getElementsByTagName("container").item(0);
        List<String> entrypoint = jsonArray(instruction("ENTRYPOINT"));
        assertEquals(entrypoint.get(3), xml(container, "mainClass"));
        assertEquals(jsonArray(instruction("CMD")), List.of(xml(container, "args", "arg")));
        assertEquals(instruction("USER"), xml(container, "user"));
        assertEquals(instruction("EXPOSE"), xml(container, "ports", "port"));
        assertEquals(jsonArray(instruction("VOLUME")), List.of(xml(container, "volumes", "volume")));
        Map<String, String> environment = new LinkedHashMap<>();
        NodeList variables = ((Element) container).getElementsByTagName("environment").item(0).getChildNodes();
        for (int i = 0; i < variables.getLength(); i++) {
            if (variables.item(i) instanceof Element variable) {
                environment.put(variable.getTagName(), variable.getTextContent().trim());
            }
        }
        assertEquals(Deployables.imageEnvironment(), environment);
        List<String> extra = new ArrayList<>();
        NodeList paths = jib.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            extra.add(xml(paths.item(i), "from").replace("${project.basedir}", Deployables.deployDir().toString())
                    + " -> " + xml(paths.item(i), "into"));
        }
        String stateDir = environment.get("KAFKA_STATE_DIR").substring(1);
        assertTrue(extra.stream().anyMatch(path -> path.endsWith(" -> /")
                        && Files.isDirectory(Path.of(path.substring(0, path.indexOf(" -> "))).resolve(stateDir))),
                "Jib's extra directory holds the state directory: " + extra);
        assertTrue(extra.contains(Deployables.deployDir().resolve("docker/bin") + " -> /opt/storyline/bin"),
                "Jib's image carries the probe where the Dockerfile puts it: " + extra);
        assertEquals(argDefault("JRE_IMAGE"), xml(jib, "build", "plugins", "plugin", "configuration", "from", "image"),
                "both images start from the same JRE");
        assertEquals("${storyline.image}", xml(jib, "build", "plugins", "plugin", "configuration", "to", "image"));
    }
}
