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

    @Test
    void theBuildStageCopiesEveryModuleAndOnlyPathsThatExist() throws Exception {
        List<String> copied = new ArrayList<>();
        for (String instruction : Dockerfile.stage(dockerfile, "build")) {
            if (instruction.startsWith("COPY ") && !instruction.contains("--from=")) {
                List<String> parts = List.of(instruction.substring(5).split(" "));
                for (String source : parts.subList(0, parts.size() - 1)) {
                    assertTrue(Files.exists(Deployables.repositoryRoot().resolve(source)), "COPY " + source);
                    copied.add(source.replaceAll("/$", ""));
                }
            }
        }
        NodeList modules = pom(Deployables.repositoryRoot().resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            assertTrue(copied.contains(modules.item(i).getTextContent().trim()),
                    "the build stage lacks module " + modules.item(i).getTextContent());
        }
        assertTrue(copied.containsAll(List.of("mvnw", ".mvn", "pom.xml")), copied.toString());
        String build = Dockerfile.stage(dockerfile, "build").stream().filter(i -> i.startsWith("RUN ")).findFirst()
                .orElseThrow();
        assertTrue(build.contains("./mvnw") && build.contains("-pl deploy -am package"), build);
        assertTrue(build.contains("dependency:copy-dependencies") && build.contains("-DincludeScope=runtime"), build);
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
        String ignore = Deployables.read(Deployables.dockerfile().resolveSibling("Dockerfile.dockerignore"));
        assertTrue(ignore.lines().anyMatch(line -> line.equals("**/target/")), "build output stays out of the context");
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
        String extra = xml(jib, "build", "plugins", "plugin", "configuration", "extraDirectories", "paths", "path",
                "from").replace("${project.basedir}", Deployables.deployDir().toString());
        assertTrue(Files.isDirectory(Path.of(extra).resolve(environment.get("KAFKA_STATE_DIR").substring(1))),
                "Jib's extra directory holds the state directory");
        assertEquals("eclipse-temurin:17-jre", xml(jib, "build", "plugins", "plugin", "configuration", "from", "image"));
        assertTrue(dockerfile.contains("ARG JAVA_VERSION=17") && dockerfile.contains("FROM eclipse-temurin:${JAVA_VERSION}-jre"),
                "both images start from the same JRE");
    }
}
