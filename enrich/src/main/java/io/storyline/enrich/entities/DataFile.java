package io.storyline.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the tab-separated gazetteer files on the classpath: one entry a line, {@code #} starts a comment line. */
public final class DataFile {

    private DataFile() {
    }

    /** The rows of a file in this package, each cut at tabs into exactly {@code columns} cells (missing ones empty). */
    static List<String[]> rows(String name, int columns) {
        return rows(DataFile.class, name, columns);
    }

    public static List<String[]> rows(Class<?> owner, String name, int columns) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = Arrays.copyOf(line.split("\t", -1), columns);
                for (int i = 0; i < columns; i++) {
                    cells[i] = cells[i] == null ? "" : cells[i].trim();
                }
                out.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
        return out;
    }

    /** The names in a "|"-separated cell. */
    static List<String> names(String cell) {
        List<String> out = new ArrayList<>();
        for (String name : cell.split("\\|")) {
            if (!name.isBlank()) {
                out.add(name.trim());
            }
        }
        return out;
    }
}
