package io.storyline.deploy.ops;

import java.util.ArrayList;
import java.util.List;

/** A Dockerfile as a list of instructions: comments dropped, continuation lines joined. */
final class Dockerfile {

    private Dockerfile() {
    }

    /**
     * @param lastStageOnly only the instructions after the last {@code FROM} (what the final image is made of)
     */
    static List<String> instructions(String text, boolean lastStageOnly) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String instruction = current.toString().replaceAll("\\s+", " ");
            current.setLength(0);
            if (lastStageOnly && instruction.startsWith("FROM ")) {
                instructions.clear();
            }
            instructions.add(instruction);
        }
        return instructions;
    }

    /** The instructions of the stage named {@code stage} ({@code FROM ... AS stage}). */
    static List<String> stage(String text, String stage) {
        List<String> out = new ArrayList<>();
        boolean inside = false;
        for (String instruction : instructions(text, false)) {
            if (instruction.startsWith("FROM ")) {
                inside = instruction.endsWith(" AS " + stage);
            }
            if (inside) {
                out.add(instruction);
            }
        }
        return out;
    }
}
