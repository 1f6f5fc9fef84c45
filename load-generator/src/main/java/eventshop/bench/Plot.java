package eventshop.bench;

import java.util.List;
import java.util.Locale;

/** A small SVG chart: orders/s (bars) and p99 place-to-terminal latency (line) against concurrency. */
final class Plot {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int MARGIN = 50;

    private Plot() {
    }

    static String svg(List<Measurement> runs) {
        double maxRate = runs.stream().mapToDouble(Measurement::ordersPerSecond).max().orElse(1);
        double maxLatency = runs.stream().mapToDouble(run -> Measurement.millis(run.toTerminal, 99)).max().orElse(1);
        int plotWidth = WIDTH - 2 * MARGIN;
        int plotHeight = HEIGHT - 2 * MARGIN;
        double slot = plotWidth / (double) Math.max(1, runs.size());
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"%d\" y=\"20\" font-size=\"14\">Orders/s to terminal state (bars) and p99 place-to-terminal ms (line)</text>%n",
                WIDTH, HEIGHT, MARGIN));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            Measurement run = runs.get(i);
            double x = MARGIN + i * slot;
            double barHeight = plotHeight * run.ordersPerSecond() / maxRate;
            double latency = Measurement.millis(run.toTerminal, 99);
            double y = HEIGHT - MARGIN - plotHeight * latency / maxLatency;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a90d9\"/>%n"
                    + "<text x=\"%.1f\" y=\"%.1f\">%.1f/s</text>%n<text x=\"%.1f\" y=\"%d\">%s</text>%n",
                    x + slot * 0.15, HEIGHT - MARGIN - barHeight, slot * 0.7, barHeight,
                    x + slot * 0.2, HEIGHT - MARGIN - barHeight - 4, run.ordersPerSecond(),
                    x + slot * 0.2, HEIGHT - MARGIN + 15, run.name.replaceAll("\\D+", "")));
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + slot / 2, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#d9534f\">%.0f ms</text>%n",
                    x + slot / 2 + 4, y - 4, latency));
        }
        svg.append(String.format(Locale.ROOT,
                "<polyline points=\"%s\" fill=\"none\" stroke=\"#d9534f\" stroke-width=\"2\"/>%n"
                + "<text x=\"%d\" y=\"%d\">concurrent clients</text>%n</svg>%n",
                line.toString().trim(), WIDTH / 2 - 40, HEIGHT - 10));
        return svg.toString();
    }
}
