package io.storyline.ingest.publish;

import java.io.PrintStream;

/**
 * A one-line progress bar for long backfills, redrawn in place on the terminal at most a few times a second.
 * Off unless asked for or the process runs on a terminal, so pipes and logs get only the summary.
 */
public final class Progress {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int totalInputs;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private int inputsDone;
    private long records;

    private Progress(PrintStream out, int totalInputs) {
        this.out = out;
        this.totalInputs = totalInputs;
    }

    /** A bar on {@code out}, or none when {@code out} is null. */
    public static Progress on(PrintStream out, int totalInputs) {
        return new Progress(out, totalInputs);
    }

    /** Whether to draw by default: only where a person watches a terminal. */
    public static boolean terminalAttached() {
        return System.console() != null;
    }

    public void recordSent() {
        records++;
        draw(false);
    }

    public void inputDone() {
        inputsDone++;
        draw(false);
    }

    public void finish() {
        if (out != null && lastDrawn != 0) {
            draw(true);
            out.print('\n');
            out.flush();
        }
    }

    private void draw(boolean force) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        int filled = totalInputs == 0 ? WIDTH : (int) ((long) WIDTH * inputsDone / totalInputs);
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        out.printf("\r[%s%s] %d/%d inputs, %,d records, %,.0f records/s ", "#".repeat(filled),
                ".".repeat(WIDTH - filled), inputsDone, totalInputs, records, records / seconds);
        out.flush();
    }
}
