package io.storyline.common.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders the launcher and tools make for one run: state stores, unpacked samples, training files. */
public final class Folders {

    private Folders() {
    }

    /**
     * Deletes a folder and everything in it, as far as it can: a temporary folder left behind is no reason to fail
     * a run that has finished. A null or missing folder is nothing to delete.
     */
    public static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort, as the contract says
        }
    }
}
