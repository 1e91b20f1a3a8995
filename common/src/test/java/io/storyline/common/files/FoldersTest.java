package io.storyline.common.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {

    @TempDir
    Path dir;

    @Test
    void aFolderGoesWithEverythingInIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("run/state/0_1"));
        Files.writeString(folder.resolve("000001.sst"), "x");
        Files.writeString(dir.resolve("run/articles.jsonl"), "{}");

        Folders.deleteQuietly(dir.resolve("run"));

        assertFalse(Files.exists(dir.resolve("run")));
        assertTrue(Files.exists(dir), "only the folder named is deleted");
    }

    @Test
    void aMissingOrNullFolderIsNothingToDelete() {
        Folders.deleteQuietly(dir.resolve("never-made"));
        Folders.deleteQuietly(null);
        assertTrue(Files.exists(dir));
    }
}
