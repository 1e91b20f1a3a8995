package io.storyline.deploy.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The launcher as built by {@code package} ({@code target/storyline.jar} and the jars {@code target/classpath.txt}
 * names): what {@code ./storyline} runs, with the launcher's own logging configuration, not the tests'.
 */
final class Launcher {

    private static final Path JAR = Path.of("target", "storyline.jar");
    private static final Path CLASSPATH = Path.of("target", "classpath.txt");

    private Launcher() {
    }

    static String classpath() {
        if (!Files.exists(JAR) || !Files.exists(CLASSPATH)) {
            throw new IllegalStateException("the launcher is not built: run these tests through ./mvnw verify");
        }
        try {
            return JAR.toAbsolutePath() + java.io.File.pathSeparator + Files.readString(CLASSPATH).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Heap limits of the targets (enrich 512 MB, the others 256 MB), so a test also shows the services run in
     * them; C1 only and the serial collector start a child fast on two cores.
     */
    static List<String> jvmOptions(String service) {
        return List.of(service.equals("enrich") ? "-Xmx512m" : "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss2m", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    }
}
