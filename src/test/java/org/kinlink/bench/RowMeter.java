package org.kinlink.bench;

import java.util.function.Consumer;

/** Prints rows per second now and then (every 5 s and at the end) while the generators write. */
final class RowMeter {

    private final String what;
    private final int total;
    private final Consumer<String> progress;
    private final long start = System.nanoTime();
    private long lastReport = start;

    RowMeter(String what, int total, Consumer<String> progress) {
        this.what = what;
        this.total = total;
        this.progress = progress;
    }

    void done(int rows) {
        long now = System.nanoTime();
        if (now - lastReport > 5_000_000_000L || rows == total) {
            lastReport = now;
            double seconds = (now - start) / 1e9;
            progress.accept(
                    String.format("%s: %,d of %,d (%,.0f rows/s)", what, rows, total, rows / Math.max(seconds, 0.001)));
        }
    }
}
